package reports

import (
	"os/exec"
	"syscall"
	"time"
)

// ownGroup starts the browser in a process group of its own that dies with
// kinerja: Chromium starts helper processes, and a timeout or a killed
// kinerja must not leave them running.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
}

// killGroup ends what is left of the browser's group once it has exited.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // ESRCH when the group is already gone
	}
}
