package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkReadXLSX20k reads every row of a 20,000-row workbook of the
// penilaian columns, as an agency's spreadsheet holds them (every cell
// text), through the reader the ingest uses (excelize's row iterator).
func BenchmarkReadXLSX20k(b *testing.B) {
	const rows = 20_000
	path := filepath.Join(b.TempDir(), "penilaian.xlsx")
	d, _ := DatasetByName("penilaian")
	f := excelize.NewFile()
	w, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	header := make([]any, len(d.Columns))
	for i, c := range d.Columns {
		header[i] = c
	}
	if err := w.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	for r := range rows {
		cells := make([]any, len(d.Columns))
		for i, c := range d.Columns {
			cells[i] = fmt.Sprintf("%s %d", c, r)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := w.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		blocks, closeFn, err := readXLSXFile(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, bl := range blocks {
			for {
				_, _, ok, err := bl.next()
				if err != nil {
					b.Fatal(err)
				}
				if !ok {
					break
				}
				n++
			}
		}
		if closeFn != nil {
			closeFn()
		}
		if n != rows+1 {
			b.Fatalf("read %d rows, want %d", n, rows+1)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
}
