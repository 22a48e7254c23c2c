package store

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// arrowBatchRows is the size of the record batches written.
const arrowBatchRows = 64 * 1024

// QueryArrow runs a read query and writes its result to w as an Arrow IPC
// stream, typed, so an analyst can pipe `kinerja sql --format arrow` into
// pyarrow, polars or R without a CSV round trip. Integers become int64,
// DOUBLE and DECIMAL float64, BOOLEAN bool, DATE date32, TIMESTAMP
// timestamp[us], everything else text.
func (db *DB) QueryArrow(ctx context.Context, query string, w io.Writer) (int, error) {
	rows, err := db.Query(ctx, query)
	if err != nil {
		return 0, err
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	types, err := rows.ColumnTypes()
	if err != nil {
		return 0, err
	}
	fields := make([]arrow.Field, len(types))
	for i, t := range types {
		fields[i] = arrow.Field{Name: t.Name(), Type: arrowType(t.DatabaseTypeName()), Nullable: true}
	}
	schema := arrow.NewSchema(fields, nil)
	writer := ipc.NewWriter(w, ipc.WithSchema(schema))
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	flush := func() error {
		rec := b.NewRecordBatch()
		defer rec.Release()
		if rec.NumRows() == 0 {
			return nil
		}
		return writer.Write(rec)
	}
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n, inBatch := 0, 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for i, v := range vals {
			if err := appendValue(b.Field(i), v); err != nil {
				return n, fmt.Errorf("column %s: %w", fields[i].Name, err)
			}
		}
		n++
		if inBatch++; inBatch == arrowBatchRows {
			if err := flush(); err != nil {
				return n, err
			}
			inBatch = 0
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if err := flush(); err != nil {
		return n, err
	}
	return n, writer.Close()
}

func arrowType(dbType string) arrow.DataType {
	t := strings.ToUpper(dbType)
	switch {
	case t == "BOOLEAN":
		return arrow.FixedWidthTypes.Boolean
	case t == "TINYINT", t == "SMALLINT", t == "INTEGER", t == "BIGINT", t == "UTINYINT", t == "USMALLINT",
		t == "UINTEGER", t == "HUGEINT":
		return arrow.PrimitiveTypes.Int64
	case t == "DOUBLE", t == "FLOAT", strings.HasPrefix(t, "DECIMAL"):
		return arrow.PrimitiveTypes.Float64
	case t == "DATE":
		return arrow.FixedWidthTypes.Date32
	case strings.HasPrefix(t, "TIMESTAMP"):
		return arrow.FixedWidthTypes.Timestamp_us
	}
	return arrow.BinaryTypes.String
}

func appendValue(b array.Builder, v any) error {
	if v == nil {
		b.AppendNull()
		return nil
	}
	switch x := b.(type) {
	case *array.BooleanBuilder:
		x.Append(v.(bool))
	case *array.Int64Builder:
		switch n := v.(type) {
		case int64:
			x.Append(n)
		case int32:
			x.Append(int64(n))
		case int16:
			x.Append(int64(n))
		case int8:
			x.Append(int64(n))
		case uint8:
			x.Append(int64(n))
		case uint16:
			x.Append(int64(n))
		case uint32:
			x.Append(int64(n))
		case *big.Int:
			x.Append(n.Int64())
		default:
			return fmt.Errorf("unexpected %T for int64", v)
		}
	case *array.Float64Builder:
		switch f := v.(type) {
		case float64:
			x.Append(f)
		case float32:
			x.Append(float64(f))
		case interface{ Float64() float64 }:
			x.Append(f.Float64())
		default:
			var g float64
			if _, err := fmt.Sscan(fmt.Sprint(v), &g); err != nil {
				return fmt.Errorf("unexpected %T for float64", v)
			}
			x.Append(g)
		}
	case *array.Date32Builder:
		x.Append(arrow.Date32FromTime(v.(time.Time)))
	case *array.TimestampBuilder:
		x.Append(arrow.Timestamp(v.(time.Time).UnixMicro()))
	case *array.StringBuilder:
		x.Append(fmt.Sprint(v))
	default:
		return fmt.Errorf("no builder for %T", b)
	}
	return nil
}
