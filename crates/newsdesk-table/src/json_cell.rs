//! One cell of an Arrow column as a JSON value: how the columns of a Parquet
//! input that are not the text pass through to the output unchanged.
use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::Array;
use arrow_schema::{DataType, TimeUnit};
use serde_json::Value;

/// Whether [`to_json`] takes every value of type `t`: numbers, booleans,
/// strings, binary (as hex), dates, times and timestamps (ISO 8601), decimals
/// (as strings), and lists and structs of these.
pub fn supported(t: &DataType) -> bool {
    use DataType::*;
    match t {
        Null | Boolean | Int8 | Int16 | Int32 | Int64 | UInt8 | UInt16 | UInt32 | UInt64 | Float32 | Float64 => true,
        Utf8 | LargeUtf8 | Utf8View | Binary | LargeBinary | BinaryView | FixedSizeBinary(_) => true,
        Date32 | Date64 | Timestamp(_, _) | Time32(_) | Time64(_) | Decimal128(_, _) | Decimal256(_, _) => true,
        List(f) | LargeList(f) | FixedSizeList(f, _) => supported(f.data_type()),
        Struct(fields) => fields.iter().all(|f| supported(f.data_type())),
        _ => false,
    }
}

/// Row `i` of `a` as JSON (`null` for a null cell; NaN and infinities too).
/// `a` must have a [`supported`] type.
pub fn to_json(a: &dyn Array, i: usize) -> Value {
    use DataType::*;
    if a.is_null(i) {
        return Value::Null;
    }
    let text = |v: Option<String>| v.map_or(Value::Null, Value::String);
    macro_rules! num {
        ($t:ty) => {
            Value::from(a.as_primitive::<$t>().value(i))
        };
    }
    macro_rules! time {
        ($t:ty, $how:ident, $fmt:expr) => {
            text(a.as_primitive::<$t>().$how(i).map(|v| v.format($fmt).to_string()))
        };
    }
    const DATE: &str = "%Y-%m-%d";
    const TIME: &str = "%H:%M:%S%.f";
    const DATETIME: &str = "%Y-%m-%dT%H:%M:%S%.f";
    match a.data_type() {
        Null => Value::Null,
        Boolean => Value::Bool(a.as_boolean().value(i)),
        Int8 => num!(Int8Type),
        Int16 => num!(Int16Type),
        Int32 => num!(Int32Type),
        Int64 => num!(Int64Type),
        UInt8 => num!(UInt8Type),
        UInt16 => num!(UInt16Type),
        UInt32 => num!(UInt32Type),
        UInt64 => num!(UInt64Type),
        Float32 => Value::from(f64::from(a.as_primitive::<Float32Type>().value(i))),
        Float64 => num!(Float64Type),
        Utf8 => a.as_string::<i32>().value(i).into(),
        LargeUtf8 => a.as_string::<i64>().value(i).into(),
        Utf8View => a.as_string_view().value(i).into(),
        Binary => hex(a.as_binary::<i32>().value(i)),
        LargeBinary => hex(a.as_binary::<i64>().value(i)),
        BinaryView => hex(a.as_binary_view().value(i)),
        FixedSizeBinary(_) => hex(a.as_fixed_size_binary().value(i)),
        Date32 => time!(Date32Type, value_as_date, DATE),
        Date64 => time!(Date64Type, value_as_date, DATE),
        Time32(TimeUnit::Second) => time!(Time32SecondType, value_as_time, TIME),
        Time32(_) => time!(Time32MillisecondType, value_as_time, TIME),
        Time64(TimeUnit::Microsecond) => time!(Time64MicrosecondType, value_as_time, TIME),
        Time64(_) => time!(Time64NanosecondType, value_as_time, TIME),
        Timestamp(unit, tz) => {
            let local = match unit {
                TimeUnit::Second => time!(TimestampSecondType, value_as_datetime, DATETIME),
                TimeUnit::Millisecond => time!(TimestampMillisecondType, value_as_datetime, DATETIME),
                TimeUnit::Microsecond => time!(TimestampMicrosecondType, value_as_datetime, DATETIME),
                TimeUnit::Nanosecond => time!(TimestampNanosecondType, value_as_datetime, DATETIME),
            };
            // Parquet keeps instants in UTC (`isAdjustedToUTC`), local times without a zone.
            match (local, tz) {
                (Value::String(s), Some(_)) => Value::String(s + "Z"),
                (v, _) => v,
            }
        }
        Decimal128(_, _) => a.as_primitive::<Decimal128Type>().value_as_string(i).into(),
        Decimal256(_, _) => a.as_primitive::<Decimal256Type>().value_as_string(i).into(),
        List(_) => list(a.as_list::<i32>().value(i).as_ref()),
        LargeList(_) => list(a.as_list::<i64>().value(i).as_ref()),
        FixedSizeList(_, _) => list(a.as_fixed_size_list().value(i).as_ref()),
        Struct(fields) => {
            let s = a.as_struct();
            let entries = fields.iter().zip(s.columns());
            Value::Object(
                entries
                    .map(|(f, c)| (f.name().clone(), to_json(c.as_ref(), i)))
                    .collect(),
            )
        }
        other => unreachable!("{other} is not a supported type"),
    }
}

fn list(items: &dyn Array) -> Value {
    Value::Array((0..items.len()).map(|i| to_json(items, i)).collect())
}

fn hex(bytes: &[u8]) -> Value {
    Value::String(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::builder::{ListBuilder, StringBuilder};
    use arrow_array::{
        ArrayRef, BinaryArray, BooleanArray, Date32Array, Float64Array, Int32Array, StructArray,
        TimestampMillisecondArray,
    };
    use arrow_schema::Field;
    use serde_json::json;
    use std::sync::Arc;

    fn cells(a: &dyn Array) -> Vec<Value> {
        assert!(supported(a.data_type()), "{}", a.data_type());
        (0..a.len()).map(|i| to_json(a, i)).collect()
    }

    #[test]
    fn scalars_keep_their_json_type() {
        assert_eq!(cells(&Int32Array::from(vec![Some(7), None])), [json!(7), json!(null)]);
        assert_eq!(
            cells(&Float64Array::from(vec![0.5, f64::NAN])),
            [json!(0.5), json!(null)]
        );
        assert_eq!(cells(&BooleanArray::from(vec![true])), [json!(true)]);
        assert_eq!(cells(&BinaryArray::from(vec![&b"\x01\xab"[..]])), [json!("01ab")]);
    }

    #[test]
    fn dates_and_timestamps_are_iso_8601() {
        assert_eq!(cells(&Date32Array::from(vec![16_436])), [json!("2015-01-01")]);
        let ts = TimestampMillisecondArray::from(vec![1_420_070_400_500]);
        assert_eq!(cells(&ts), [json!("2015-01-01T00:00:00.500")]);
        assert_eq!(cells(&ts.with_timezone("+00:00")), [json!("2015-01-01T00:00:00.500Z")]);
    }

    #[test]
    fn lists_and_structs_nest() {
        let mut b = ListBuilder::new(StringBuilder::new());
        b.append_value([Some("a"), None]);
        b.append_null();
        let tags: ArrayRef = Arc::new(b.finish());
        assert_eq!(cells(tags.as_ref()), [json!(["a", null]), json!(null)]);
        let n: ArrayRef = Arc::new(Int32Array::from(vec![1, 2]));
        let s = StructArray::from(vec![
            (Arc::new(Field::new("n", DataType::Int32, false)), n),
            (Arc::new(Field::new("tags", tags.data_type().clone(), true)), tags),
        ]);
        assert_eq!(cells(&s)[0], json!({"n": 1, "tags": ["a", null]}));
    }

    #[test]
    fn maps_and_intervals_are_refused_up_front() {
        let entries = Field::new("e", DataType::Struct(Vec::<Field>::new().into()), false);
        assert!(!supported(&DataType::Map(Arc::new(entries), false)));
        assert!(!supported(&DataType::List(Arc::new(Field::new(
            "x",
            DataType::Float16,
            true
        )))));
    }
}
