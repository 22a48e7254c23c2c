package store_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"

	"github.com/lampungprov/kinerja/pipeline/store"
)

func TestQueryArrowWritesTypedRecordBatches(t *testing.T) {
	db, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory: nothing to lose
	var buf bytes.Buffer
	n, err := db.QueryArrow(context.Background(), `SELECT i::INTEGER AS n, i / 2 AS half, 'opd-' || i AS kode,
		DATE '2026-01-01' + i::INTEGER AS tanggal, CASE WHEN i % 2 = 0 THEN NULL ELSE true END AS ganjil
		FROM range(100000) t(i)`, &buf)
	if err != nil || n != 100000 {
		t.Fatalf("%d rows, %v", n, err)
	}
	r, err := ipc.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	if got := r.Schema().String(); !bytes.Contains([]byte(got), []byte("n: type=int64")) || !bytes.Contains([]byte(got), []byte("tanggal: type=date32")) {
		t.Errorf("schema %s", got)
	}
	rows, batches := 0, 0
	var last string
	for r.Next() {
		rec := r.RecordBatch()
		rows += int(rec.NumRows())
		batches++
		last = rec.Column(2).(*array.String).Value(int(rec.NumRows()) - 1)
	}
	if rows != 100000 || batches < 2 || last != "opd-99999" {
		t.Errorf("%d rows in %d batches, last %q", rows, batches, last)
	}
}
