//! Documents as Arrow tables for pyarrow (`newsdesk.to_arrow`): each table is
//! handed over through the Arrow PyCapsule interface (`__arrow_c_stream__`),
//! so pyarrow, polars or duckdb read the columns in place, without JSON.
use crate::detach::detached;
use crate::doc::PyDoc;
use newsdesk::table::{Meta, RecordBatch, Table, Tables};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyCapsule, PyDict, PyTuple};
use std::ffi::CStr;

/// Name the Arrow PyCapsule interface gives a stream capsule.
const STREAM: &CStr = c"arrow_array_stream";

/// One table (a record batch) that Arrow libraries import with `__arrow_c_stream__`,
/// e.g. `pyarrow.table(t)`.
#[pyclass(frozen, module = "newsdesk", name = "ArrowTable")]
pub struct PyArrowTable {
    name: &'static str,
    batch: RecordBatch,
}

#[pymethods]
impl PyArrowTable {
    /// The table's name: docs, entities, quotes or stances.
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// Export as an Arrow C stream (the schema request is ignored, as the protocol allows).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = arrow_array::RecordBatchIterator::new([Ok(self.batch.clone())], self.batch.schema());
        let stream = arrow_array::ffi_stream::FFI_ArrowArrayStream::new(Box::new(reader));
        // The consumer moves the stream out; dropping the capsule releases it if it did not.
        PyCapsule::new_with_value(py, stream, STREAM)
    }

    fn __repr__(&self) -> String {
        format!("<ArrowTable {} ({} rows)>", self.name, self.batch.num_rows())
    }
}

/// The four tables of `docs` (an iterable of `Doc`s, or of `(Doc, context)`
/// pairs as `pipe(as_tuples=True)` yields); `doc_id` is the position in `docs`,
/// and a context that is not `None` goes to the `fields` column as JSON.
#[pyfunction]
pub fn _tables<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let dumps = py.import("json")?.getattr("dumps")?;
    // As the command line writes `fields`: keys sorted, compact, UTF-8.
    let options = [("sort_keys", true), ("ensure_ascii", false)].into_py_dict(py)?;
    options.set_item("separators", (",", ":"))?;
    let mut items: Vec<(Py<PyDoc>, Option<String>)> = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let (doc, context) = match item.cast::<PyTuple>() {
            Ok(pair) if pair.len() == 2 => (pair.get_item(0)?, Some(pair.get_item(1)?)),
            _ => (item, None),
        };
        let doc = doc.cast::<PyDoc>().map_err(|_| {
            let kind = doc.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!(
                "docs[{i}] is a {kind}, not a newsdesk.Doc or a (Doc, context) pair"
            ))
        })?;
        let fields = match context.filter(|c| !c.is_none()) {
            None => None,
            Some(c) => Some(
                dumps
                    .call((c,), Some(&options))
                    .map_err(|e| PyTypeError::new_err(format!("docs[{i}]: the context is not JSON-serializable: {e}")))?
                    .extract()?,
            ),
        };
        items.push((doc.clone().unbind(), fields));
    }
    let batches = detached(py, || {
        let mut tables = Tables::new();
        for (i, (d, fields)) in items.iter().enumerate() {
            let meta = Meta {
                source: None,
                fields: fields.as_deref(),
            };
            tables.push(i as i64, &d.get().inner, meta);
        }
        tables.finish()
    })?;
    let out = PyDict::new(py);
    for (table, batch) in batches {
        if Table::DATA.contains(&table) {
            let t = PyArrowTable {
                name: table.name(),
                batch,
            };
            out.set_item(table.name(), Py::new(py, t)?)?;
        }
    }
    Ok(out)
}
