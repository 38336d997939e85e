//! Documents as Arrow tables for pyarrow (`newsdesk.to_arrow`): each table is
//! handed over through the Arrow PyCapsule interface (`__arrow_c_stream__`),
//! so pyarrow, polars or duckdb read the columns in place, without JSON.
use crate::detach::detached;
use crate::doc::PyDoc;
use newsdesk::table::{RecordBatch, Table, Tables};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
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

/// The four tables of `docs` (an iterable of `Doc`); `doc_id` is the position in `docs`.
#[pyfunction]
pub fn _tables<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let mut items: Vec<Py<PyDoc>> = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let doc = item.cast::<PyDoc>().map_err(|_| {
            let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!("docs[{i}] is a {kind}, not a newsdesk.Doc"))
        })?;
        items.push(doc.clone().unbind());
    }
    let batches = detached(py, || {
        let mut tables = Tables::new();
        for (i, d) in items.iter().enumerate() {
            tables.push(i as i64, &d.get().inner, Default::default());
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
