"""The .pyi stubs name exactly what the compiled module has: classes, their
public members and dunders, functions, and parameter names."""

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import _newsdesk

STUB = Path(__file__).resolve().parents[1] / "newsdesk" / "_newsdesk.pyi"
# Dunders that are part of the API when a class defines them.
API_DUNDERS = {"__call__", "__len__", "__getitem__", "__iter__", "__next__", "__eq__", "__hash__", "__reduce__"}


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_classes():
    # `_Name` classes are typing-only helpers (Protocols) that exist in the stub alone
    return {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef) and not n.name.startswith("_")}


def stub_functions():
    return {n.name: n for n in stub_tree().body if isinstance(n, ast.FunctionDef)}


def members(node):
    return {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}


def runtime_classes():
    return {name: obj for name, obj in vars(_newsdesk).items() if isinstance(obj, type) and not name.startswith("_")}


def runtime_members(cls):
    names = set()
    for name, value in vars(cls).items():
        if name.startswith("__") and name not in API_DUNDERS:
            continue
        if name.startswith("_") and not name.startswith("__") and name != "_repr_html_":
            continue
        if value is None:  # e.g. __hash__ = None
            continue
        names.add(name)
    return names


def stub_params(fn):
    a = fn.args
    names = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]
    return [n for n in names if n != "self"]


def runtime_params(obj):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    return [p for p in sig.parameters if p not in ("self", "$self")]


def test_same_classes():
    assert set(runtime_classes()) == set(stub_classes())


def test_same_module_functions():
    runtime = {n for n, o in vars(_newsdesk).items() if callable(o) and not isinstance(o, type) and not n.startswith("_")}
    assert runtime == {n for n in stub_functions() if not n.startswith("_")}
    assert "__version__" in vars(_newsdesk)


@pytest.mark.parametrize("name", sorted(runtime_classes()))
def test_same_members(name):
    in_stub = {m for m in members(stub_classes()[name]) if not m.startswith("__") or m in API_DUNDERS}
    at_runtime = runtime_members(runtime_classes()[name])
    assert at_runtime == in_stub, f"only at runtime: {at_runtime - in_stub}; only in stub: {in_stub - at_runtime}"


@pytest.mark.parametrize("name", sorted(runtime_classes()))
def test_properties_and_methods_agree(name):
    cls = runtime_classes()[name]
    for member, fn in members(stub_classes()[name]).items():
        value = inspect.getattr_static(cls, member)
        is_prop = any(isinstance(d, ast.Name) and d.id == "property" for d in fn.decorator_list)
        assert is_prop == (type(value).__name__ == "getset_descriptor"), f"{name}.{member}: property in one only"
        if not is_prop and not member.startswith("__"):
            params = runtime_params(getattr(cls, member))
            if params is not None:
                assert params == stub_params(fn), f"{name}.{member}"


@pytest.mark.parametrize("name", sorted(stub_functions()))
def test_function_parameters_agree(name):
    params = runtime_params(getattr(_newsdesk, name))
    assert params == stub_params(stub_functions()[name])


def test_mypy_stubtest_finds_no_issues():
    """mypy's stubtest compares every signature in the stub with the runtime."""
    pytest.importorskip("mypy.stubtest")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "newsdesk._newsdesk"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
