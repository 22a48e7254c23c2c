package schedule

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
)

// backupName matches the folders Backup writes: kinerja-YYYYMMDD-HHMMSS, in
// the configured zone, so that names sort by time.
var (
	backupName  = regexp.MustCompile(`^kinerja-\d{8}-\d{6}$`)
	partialName = regexp.MustCompile(`^\.kinerja-\d{8}-\d{6}` + regexp.QuoteMeta(store.PartialSuffix) + `$`)
)

// Backup writes a backup of db into a new folder of dir named for now, then
// removes the oldest backups beyond keep (keep < 1 keeps all) and any
// half-written backup a killed process left. Call it under the exclusive run
// lock: that is what makes a half-written folder safe to remove. It returns
// the new folder and the ones removed.
func Backup(ctx context.Context, db *store.DB, dir string, keep int, now time.Time) (string, []string, error) {
	target := filepath.Join(dir, "kinerja-"+now.Format("20060102-150405"))
	if err := db.Backup(ctx, target); err != nil {
		return "", nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return target, nil, fmt.Errorf("listing backups in %s: %w", dir, err)
	}
	var backups, removed []string
	for _, e := range entries {
		switch {
		case !e.IsDir():
		case backupName.MatchString(e.Name()):
			backups = append(backups, e.Name())
		case partialName.MatchString(e.Name()):
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return target, removed, fmt.Errorf("removing half-written backup %s: %w", e.Name(), err)
			}
		}
	}
	if keep < 1 || len(backups) <= keep {
		return target, nil, nil
	}
	sort.Strings(backups)
	for _, name := range backups[:len(backups)-keep] {
		p := filepath.Join(dir, name)
		if err := os.RemoveAll(p); err != nil {
			return target, removed, fmt.Errorf("removing old backup %s: %w", p, err)
		}
		removed = append(removed, p)
	}
	return target, removed, nil
}
