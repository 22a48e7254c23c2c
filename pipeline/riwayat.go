package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

// logTables are the tables of the public revision log (schema 007).
var logTables = []string{"terbitan", "nilai_terbit", "revisi"}

// carryLog gives a rebuilt database the revision log of the one it
// replaces: the log is the public record of what was published and must
// go on where it was, not start again. From the old database when it can be
// read, otherwise from the published site itself (its data/riwayat.json,
// the entries' texts and the latest CSV files), which anyone may hold a copy
// of. It returns where the log came from ("" when there was none).
func carryLog(ctx context.Context, db *store.DB, oldDB, out, source string) (string, error) {
	if source == "lineage" {
		copied, err := db.CopyTables(ctx, oldDB, logTables...)
		if err != nil {
			return "", fmt.Errorf("carrying the revision log over: %w", err)
		}
		if len(copied) > 0 {
			return "database", nil
		}
	}
	b, err := os.ReadFile(filepath.Join(out, site.LogFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading the published revision log: %w", err)
	}
	var entries []site.LogEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		return "", fmt.Errorf("reading the published revision log %s: %w", filepath.Join(out, site.LogFile), err)
	}
	if len(entries) == 0 {
		return "", nil
	}
	err = db.Tx(ctx, func(tx *store.Tx) error {
		for i, e := range entries {
			text, err := os.ReadFile(filepath.Join(out, "data", filepath.FromSlash(e.Teks)))
			if err != nil {
				return fmt.Errorf("reading entry %d of the published log: %w", e.Nomor, err)
			}
			sum := sha256.Sum256(text)
			if hex.EncodeToString(sum[:]) != e.Hash || e.Nomor != i+1 {
				return fmt.Errorf("entry %d of the published log does not hold (run `kinerja verify %s`): recover the site from a copy first", e.Nomor, out)
			}
			if err := tx.Exec(ctx, sqlOf("riwayat/catat"), e.Nomor, e.Waktu.UTC(), string(text), e.Hash); err != nil {
				return err
			}
			for _, c := range e.Perubahan {
				if err := tx.Exec(ctx, sqlOf("riwayat/catat_revisi"), e.Nomor, c.Periode, c.OPDKode, c.OPDNama, c.Kolom, c.Lama, c.Baru, c.Alasan); err != nil {
					return err
				}
			}
		}
		// What the last publication put out, read back from its files. The
		// statement stays here: it names the table and the file's path.
		for table, file := range map[string][2]string{
			"terbit_opd":      {"kpi_opd_bulanan.csv", "{'periode': 'VARCHAR', 'opd_kode': 'VARCHAR', 'opd_nama': 'VARCHAR'}"},
			"terbit_provinsi": {"kpi_provinsi_bulanan.csv", "{'periode': 'VARCHAR'}"},
		} {
			path := strings.ReplaceAll(filepath.Join(out, "data", file[0]), "'", "''")
			if err := tx.Exec(ctx, `CREATE OR REPLACE TEMP TABLE `+table+` AS SELECT * FROM read_csv('`+path+`', header = true, types = `+file[1]+`)`); err != nil {
				return fmt.Errorf("reading the published %s: %w", file[0], err)
			}
		}
		if err := tx.Exec(ctx, sqlOf("riwayat/nilai_baru")); err != nil {
			return err
		}
		return tx.Exec(ctx, sqlOf("riwayat/nilai_terbit"), len(entries))
	})
	if err != nil {
		return "", err
	}
	return "site", nil
}
