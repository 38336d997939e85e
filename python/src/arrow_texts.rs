//! Texts from Arrow (`nlp.pipe(pyarrow_array)`): an object that exports the
//! Arrow PyCapsule interface (`__arrow_c_array__`: a pyarrow `Array`;
//! `__arrow_c_stream__`: a `ChunkedArray`, a pandas `Series`, …) is read in
//! Rust, chunk by chunk, without a Python `str` per item. Chunks are taken
//! from the producer while the caller holds the GIL.
use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, from_ffi_and_data_type, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{make_array, Array, ArrayRef};
use arrow_schema::{ArrowError, DataType};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};
use std::ffi::CStr;
use std::sync::Mutex;

/// The strings of an Arrow array or stream of arrays, in order.
pub struct ArrowTexts {
    source: Chunks,
    chunk: Option<ArrayRef>,
    /// Next item of `chunk`.
    pos: usize,
}

enum Chunks {
    /// The one array not yet taken.
    One(Option<ArrayRef>),
    /// In a mutex only to be `Sync` (a pyclass must be); reached through `get_mut`, never locked.
    Stream {
        stream: Mutex<FFI_ArrowArrayStream>,
        data_type: DataType,
    },
}

impl ArrowTexts {
    /// The texts of `obj` if it exports the Arrow C data interface; `None`
    /// for any other object, or one whose export fails (the caller iterates it
    /// instead, naming the first item that is not a `str`).
    pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Option<ArrowTexts>> {
        let source = if let Ok(pair) = obj.call_method0("__arrow_c_array__") {
            let pair = pair.cast_into::<PyTuple>()?;
            let schema = pair.get_item(0)?;
            let array = pair.get_item(1)?;
            let schema = capsule(&schema, c"arrow_schema")?.cast::<FFI_ArrowSchema>();
            let array = capsule(&array, c"arrow_array")?.cast::<FFI_ArrowArray>();
            // SAFETY: the capsules hold an exported schema and array (checked by name); the
            // array is moved out (its capsule then releases an empty one), the schema borrowed.
            let data = unsafe { from_ffi(FFI_ArrowArray::from_raw(array), &*schema) };
            Chunks::One(Some(make_array(data.map_err(arrow_err)?)))
        } else if let Ok(stream) = obj.call_method0("__arrow_c_stream__") {
            let ptr = capsule(&stream, c"arrow_array_stream")?.cast::<FFI_ArrowArrayStream>();
            // SAFETY: the capsule holds an exported stream (checked by name); it is moved out.
            let mut stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr) };
            let data_type = stream_type(&mut stream).map_err(arrow_err)?;
            Chunks::Stream {
                stream: Mutex::new(stream),
                data_type,
            }
        } else {
            return Ok(None);
        };
        let texts = ArrowTexts {
            source,
            chunk: None,
            pos: 0,
        };
        match texts.data_type() {
            Some(DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null) | None => Ok(Some(texts)),
            Some(DataType::Struct(_)) => Err(PyTypeError::new_err(
                "texts must be Arrow strings, not a table or record batch: pass one column, e.g. table[\"text\"]",
            )),
            Some(other) => Err(PyTypeError::new_err(format!(
                "texts must be Arrow strings, not {other}"
            ))),
        }
    }

    fn data_type(&self) -> Option<&DataType> {
        match &self.source {
            Chunks::One(Some(a)) => Some(a.data_type()),
            Chunks::One(None) => None,
            Chunks::Stream { data_type, .. } => Some(data_type),
        }
    }

    /// The next item: `Ok(None)` for a null, `None` at the end.
    pub fn next(&mut self) -> Option<PyResult<Option<String>>> {
        loop {
            if let Some(chunk) = &self.chunk {
                if self.pos < chunk.len() {
                    self.pos += 1;
                    return Some(Ok(string_at(chunk.as_ref(), self.pos - 1)));
                }
            }
            self.pos = 0;
            self.chunk = match &mut self.source {
                Chunks::One(one) => Some(one.take()?),
                Chunks::Stream { stream, data_type } => match next_chunk(stream_mut(stream), data_type) {
                    Ok(chunk) => Some(chunk?),
                    Err(e) => return Some(Err(arrow_err(e))),
                },
            };
        }
    }
}

fn stream_mut(stream: &mut Mutex<FFI_ArrowArrayStream>) -> &mut FFI_ArrowArrayStream {
    stream.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn string_at(a: &dyn Array, i: usize) -> Option<String> {
    if a.is_null(i) {
        return None;
    }
    Some(
        match a.data_type() {
            DataType::LargeUtf8 => a.as_string::<i64>().value(i),
            DataType::Utf8View => a.as_string_view().value(i),
            _ => a.as_string::<i32>().value(i),
        }
        .to_string(),
    )
}

/// The pointer a capsule named `name` holds.
fn capsule(obj: &Bound<'_, PyAny>, name: &CStr) -> PyResult<*mut std::ffi::c_void> {
    let capsule = obj.cast::<PyCapsule>()?;
    Ok(capsule.pointer_checked(Some(name))?.as_ptr())
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("texts: cannot read the Arrow data: {e}"))
}

fn stream_type(stream: &mut FFI_ArrowArrayStream) -> Result<DataType, ArrowError> {
    let get_schema = stream.get_schema.ok_or_else(released)?;
    let mut schema = FFI_ArrowSchema::empty();
    // SAFETY: a live stream (it has callbacks) fills `schema`, which we own afterwards.
    match unsafe { get_schema(stream, &mut schema) } {
        0 => DataType::try_from(&schema),
        code => Err(stream_error(stream, code)),
    }
}

/// The stream's next array; `Ok(None)` at its end.
fn next_chunk(stream: &mut FFI_ArrowArrayStream, data_type: &DataType) -> Result<Option<ArrayRef>, ArrowError> {
    let get_next = stream.get_next.ok_or_else(released)?;
    let mut array = FFI_ArrowArray::empty();
    // SAFETY: a live stream fills `array` (left released at the end of the stream).
    match unsafe { get_next(stream, &mut array) } {
        0 if array.is_released() => Ok(None),
        // SAFETY: the array the stream produced, of the type its schema gave.
        0 => Ok(Some(make_array(unsafe {
            from_ffi_and_data_type(array, data_type.clone())
        }?))),
        code => Err(stream_error(stream, code)),
    }
}

fn released() -> ArrowError {
    ArrowError::CDataInterface("the stream was already released".into())
}

fn stream_error(stream: &mut FFI_ArrowArrayStream, code: i32) -> ArrowError {
    let message = stream.get_last_error.and_then(|f| {
        // SAFETY: the stream's own error text, valid until its next call.
        let p = unsafe { f(stream) };
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    });
    ArrowError::CDataInterface(message.unwrap_or_else(|| format!("error code {code}")))
}
