package lock

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// helperEnv makes the test binary a helper process that takes the lock named
// by its value, says so on stdout and sleeps until it is killed.
const helperEnv = "KINERJA_LOCK_TEST_HOLDER"

func TestMain(m *testing.M) {
	if path := os.Getenv(helperEnv); path != "" {
		l, err := Acquire(context.Background(), path, Exclusive, 0, "helper")
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("held")
		time.Sleep(time.Minute) // the test kills it before this ends
		_ = l.Release()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// release releases l and fails the test if that fails.
func release(t *testing.T, l *Lock) {
	t.Helper()
	if err := l.Release(); err != nil {
		t.Error(err)
	}
}

func TestModesExcludeEachOtherAsReadersAndWritersShould(t *testing.T) {
	tests := []struct {
		held, want Mode
		busy       bool
	}{
		{Exclusive, Exclusive, true},
		{Exclusive, Shared, true},
		{Shared, Exclusive, true},
		{Shared, Shared, false},
	}
	for _, tt := range tests {
		t.Run(tt.held.String()+"_then_"+tt.want.String(), func(t *testing.T) {
			// flock locks belong to the open file, not to the process, so
			// two Acquire calls in one process conflict like two processes.
			path := filepath.Join(t.TempDir(), "kinerja.duckdb.lock")
			first, err := Acquire(context.Background(), path, tt.held, 0, "run")
			if err != nil {
				t.Fatal(err)
			}
			defer release(t, first)
			second, err := Acquire(context.Background(), path, tt.want, 0, "sql")
			var busy *BusyError
			if got := errors.As(err, &busy); got != tt.busy {
				t.Fatalf("busy = %v (err %v), want %v", got, err, tt.busy)
			}
			if !tt.busy {
				release(t, second)
				return
			}
			if tt.held == Exclusive && !strings.Contains(err.Error(), "a run is in progress (run, pid ") {
				t.Errorf("message does not name the run in progress: %v", err)
			}
		})
	}
}

func TestAWaiterGetsTheLockOnceTheHolderReleasesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.lock")
	held, err := Acquire(context.Background(), path, Exclusive, 0, "run")
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(150 * time.Millisecond)
		release(t, held)
		close(released)
	}()
	l, err := Acquire(context.Background(), path, Exclusive, 10*time.Second, "second run")
	if err != nil {
		t.Fatalf("waiter: %v", err)
	}
	defer release(t, l)
	select {
	case <-released:
	default:
		t.Fatal("waiter got the lock while it was still held")
	}
	if h := Holder(path); !strings.HasPrefix(h, "second run, pid ") {
		t.Errorf("holder = %q, want the new holder", h)
	}
}

func TestWaitingEndsWhenTheContextIsCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.lock")
	held, err := Acquire(context.Background(), path, Exclusive, 0, "run")
	if err != nil {
		t.Fatal(err)
	}
	defer release(t, held)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err = Acquire(ctx, path, Shared, time.Hour, "sql")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestReleaseClearsTheHolderSoReadersAreNotBlamedOnAFinishedRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.lock")
	w, err := Acquire(context.Background(), path, Exclusive, 0, "run")
	if err != nil {
		t.Fatal(err)
	}
	release(t, w)
	if h := Holder(path); h != "" {
		t.Errorf("holder after release = %q, want none", h)
	}
	r, err := Acquire(context.Background(), path, Shared, 0, "sql")
	if err != nil {
		t.Fatal(err)
	}
	defer release(t, r)
	_, err = Acquire(context.Background(), path, Exclusive, 0, "run")
	if err == nil || !strings.Contains(err.Error(), "analysts are reading") {
		t.Errorf("err = %v, want readers named", err)
	}
}

// TestTheLockKeepsASecondProcessOutAndIsFreedWhenTheHolderIsKilled runs a
// real second process (this test binary, as helper) that takes the lock and
// sleeps, and kills it with SIGKILL: no code of the holder runs, only the
// kernel can release the lock.
func TestTheLockKeepsASecondProcessOutAndIsFreedWhenTheHolderIsKilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kinerja.duckdb.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }() // the test kills it itself unless it fails first
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "held" {
		t.Fatalf("helper did not take the lock: %q %v", line, err)
	}

	_, err = Acquire(context.Background(), path, Exclusive, 200*time.Millisecond, "run")
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("second process got in: err = %v", err)
	}
	if want := fmt.Sprintf("pid %d", cmd.Process.Pid); !strings.Contains(busy.Holder, want) {
		t.Errorf("holder %q does not name the helper (%s)", busy.Holder, want)
	}

	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait() // reaps the helper: "signal: killed" is expected
	l, err := Acquire(context.Background(), path, Exclusive, 5*time.Second, "run")
	if err != nil {
		t.Fatalf("lock not freed after the holder was killed: %v", err)
	}
	release(t, l)
}
