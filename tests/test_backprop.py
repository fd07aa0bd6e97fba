"""Backpropagation: every gradient against sympy.diff of the substituted loss, central
differences and an independent autodiff engine (HIPS autograd; PyTorch too when installed);
the forward values, the adjoints of a node used twice, the errors, the file input, the JSON."""

from __future__ import annotations

import importlib.util
import json
import math

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from derive import backprop
from derive.cli import app
from derive.errors import DeriveError

autograd = pytest.importorskip("autograd")
anp = pytest.importorskip("autograd.numpy")

runner = CliRunner()
TWO_LAYER = "h = tanh(w1*x + b1); y = sigmoid(w2*h + b2); L = (y - t)^2"
TWO_LAYER_AT = {"x": 0.5, "t": 1, "w1": 0.3, "b1": 0.1, "w2": -0.8, "b2": 0.2}


def _sigmoid(v):
    return 1 / (1 + anp.exp(-v))


# Each network written a second time, as numpy code for autograd: (program, function, point).
NETWORKS = {
    "neuron": ("y = sigmoid(w1*x1 + w2*x2 + b1); L = (y - t)^2",
               lambda p: (_sigmoid(p["w1"] * p["x1"] + p["w2"] * p["x2"] + p["b1"]) - p["t"]) ** 2,
               {"x1": 1.0, "x2": 2.0, "w1": 0.5, "w2": -0.3, "b1": 0.1, "t": 1.0}),
    "two_layer": (TWO_LAYER,
                  lambda p: (_sigmoid(p["w2"] * anp.tanh(p["w1"] * p["x"] + p["b1"]) + p["b2"])
                             - p["t"]) ** 2,
                  TWO_LAYER_AT),
    "shared_node": ("a = x*w; L = (a + a^2 - t)^2",
                    lambda p: (p["x"] * p["w"] + (p["x"] * p["w"]) ** 2 - p["t"]) ** 2,
                    {"x": 0.5, "w": 1.5, "t": 1.0}),
    "deeper": ("u1 = exp(-a*x); u2 = log(1 + u1); u3 = sin(u2)*u1; L = u3^2 + u2/(1 + u1^2)",
               lambda p: (anp.sin(anp.log(1 + anp.exp(-p["a"] * p["x"])))
                          * anp.exp(-p["a"] * p["x"])) ** 2
               + anp.log(1 + anp.exp(-p["a"] * p["x"])) / (1 + anp.exp(-p["a"] * p["x"]) ** 2),
               {"a": 0.7, "x": -0.4}),
}


def _autograd_gradient(function, point: dict) -> dict:
    names = list(point)

    def of_vector(values):
        return function(dict(zip(names, values)))

    gradient = autograd.grad(of_vector)(anp.array([float(point[n]) for n in names]))
    return dict(zip(names, (float(g) for g in gradient)))


def _central(function, point: dict, name: str, h: float = 1e-6) -> float:
    up = dict(point, **{name: point[name] + h})
    down = dict(point, **{name: point[name] - h})
    return (float(function(up)) - float(function(down))) / (2 * h)


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_gradients_agree_with_autograd_sympy_and_differences(name):
    """Every parameter's gradient equals autograd's, the test's own central differences, and
    sympy.diff of the substituted loss (symbolically)."""
    program, function, point = NETWORKS[name]
    result = backprop(program, at=point)
    assert result.verified
    expected = _autograd_gradient(function, point)
    loss = result.expression
    for g in result.scalar.gradients:
        value = float(g.value)
        assert math.isclose(value, expected[g.parameter.name], rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(value, _central(function, point, g.parameter.name), rel_tol=1e-6,
                            abs_tol=1e-8)
        difference = (g.substituted - sympy.diff(loss, g.parameter)).rewrite(sympy.exp)
        assert sympy.simplify(difference) == 0
        assert g.check.ok


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="PyTorch is not installed")
def test_gradients_agree_with_pytorch():
    """The two-layer network's gradients equal PyTorch's."""
    import torch

    p = {k: torch.tensor(float(v), dtype=torch.float64, requires_grad=True)
         for k, v in TWO_LAYER_AT.items()}
    loss = (torch.sigmoid(p["w2"] * torch.tanh(p["w1"] * p["x"] + p["b1"]) + p["b2"]) - p["t"]) ** 2
    loss.backward()
    result = backprop(TWO_LAYER, at=TWO_LAYER_AT)
    for g in result.scalar.gradients:
        assert math.isclose(float(g.value), float(p[g.parameter.name].grad), rel_tol=1e-9)


# --- random networks -------------------------------------------------------------------------

# one layer of a random chain: (derive's text with {v} for the node before, numpy function)
LAYERS = [
    ("tanh({w}*{v} + {b})", lambda v, w, b: anp.tanh(w * v + b)),
    ("sigmoid({w}*{v} + {b})", lambda v, w, b: _sigmoid(w * v + b)),
    ("sin({w}*{v}) + {b}", lambda v, w, b: anp.sin(w * v) + b),
    ("{w}*{v}^2 + {b}*{v}", lambda v, w, b: w * v ** 2 + b * v),
    ("exp({w}*{v})*{b}", lambda v, w, b: anp.exp(w * v) * b),
]

weights = st.floats(min_value=-1.5, max_value=1.5, allow_nan=False).map(lambda f: round(f, 3))


@settings(max_examples=15, deadline=None)
@given(layers=st.lists(st.integers(0, len(LAYERS) - 1), min_size=1, max_size=4),
       values=st.lists(weights, min_size=10, max_size=10), x=weights, t=weights)
def test_random_chains_agree_with_autograd(layers, values, x, t):
    """A random chain of layers and a squared-error loss: derive's gradients equal autograd's."""
    lines, point = [], {"x": x, "t": t}
    previous = "x"
    for k, choice in enumerate(layers, start=1):
        text, _ = LAYERS[choice]
        point[f"w{k}"], point[f"b{k}"] = values[2 * k - 2], values[2 * k - 1]
        lines.append(f"h{k} = " + text.format(w=f"w{k}", b=f"b{k}", v=previous))
        previous = f"h{k}"
    lines.append(f"L = ({previous} - t)^2")

    def function(p):
        v = p["x"]
        for k, choice in enumerate(layers, start=1):
            v = LAYERS[choice][1](v, p[f"w{k}"], p[f"b{k}"])
        return (v - p["t"]) ** 2

    result = backprop("\n".join(lines), at=point)
    expected = _autograd_gradient(function, point)
    assert result.verified
    for g in result.scalar.gradients:
        assert math.isclose(float(g.value), expected[g.parameter.name], rel_tol=1e-8,
                            abs_tol=1e-10)


# --- the passes ------------------------------------------------------------------------------

def test_forward_values_in_order():
    """The forward pass evaluates each node from the values before it."""
    result = backprop(TWO_LAYER, at=TWO_LAYER_AT)
    s = result.scalar
    h = math.tanh(0.3 * 0.5 + 0.1)
    y = 1 / (1 + math.exp(-(-0.8 * h + 0.2)))
    assert [a.name.name for a in s.assignments] == ["h", "y", "L"]
    for name, value in (("h", h), ("y", y), ("L", (y - 1) ** 2)):
        assert math.isclose(float(s.values[sympy.Symbol(name)]), value, rel_tol=1e-12)


def test_a_node_used_twice_adds_both_paths():
    """a = x·w in L = (a + a² − t)²: a² becomes a node u, and ā = ū·∂u/∂a + L̄·∂L/∂a."""
    result = backprop("a = x*w; L = (a + a^2 - t)^2", at={"x": 0.5, "w": 1.5, "t": 1})
    a, u, L = sympy.symbols("a u L")
    assert [(t.node, t.used, t.name, t.part) for t in result.scalar.stagings] == [(L, a, u, a ** 2)]
    adjoint = result.scalar.adjoint(a)
    assert {use.child for use in adjoint.uses} == {u, L}
    terms = sum(float(result.scalar.adjoint(use.child).value) * float(use.value)
                for use in adjoint.uses)
    assert math.isclose(float(adjoint.value), terms, rel_tol=1e-12)
    latex = result.render("latex")
    assert (r"\overline{a} &= \overline{u} \cdot \frac{\partial u}{\partial a} + \overline{L} "
            r"\cdot \frac{\partial L}{\partial a}") in latex


def test_gradient_descent_step():
    """--lr gives θ − η·∂L/∂θ for every parameter."""
    result = backprop(TWO_LAYER, at=TWO_LAYER_AT, wrt=["w1", "b2"], lr="0.1")
    assert [p.name for p in result.wrt] == ["w1", "b2"]
    for g in result.scalar.gradients:
        start = TWO_LAYER_AT[g.parameter.name]
        assert math.isclose(float(g.updated), start - 0.1 * float(g.value), rel_tol=1e-12)


def test_local_derivatives_are_ordinary_derivations():
    """Each local derivative is a traced derivation, written with the child's own value."""
    result = backprop(TWO_LAYER, at=TWO_LAYER_AT)
    use = next(u for u in result.scalar.adjoint(sympy.Symbol("h")).uses)
    assert use.derivation.verified and use.derivation.steps.rule == "chain"
    w2, y = sympy.symbols("w2 y")
    assert sympy.expand(use.named - w2 * y * (1 - y)) == 0


# --- input -----------------------------------------------------------------------------------

def test_program_from_a_file_with_comments(tmp_path):
    """A file with one assignment a line (and comments) gives the same JSON as the inline text."""
    path = tmp_path / "net.txt"
    path.write_text("# a two-layer network\nh = tanh(w1*x + b1)\n\ny = sigmoid(w2*h + b2)  # output\n"
                    "L = (y - t)^2\n", encoding="utf-8")
    at = "x=0.5,t=1,w1=0.3,b1=0.1,w2=-0.8,b2=0.2"
    from_file = runner.invoke(app, ["backprop", str(path), "--at", at, "--format", "json"])
    inline = runner.invoke(app, ["backprop", TWO_LAYER, "--at", at, "--format", "json"])
    assert from_file.exit_code == 0 and inline.exit_code == 0
    a, b = json.loads(from_file.stdout), json.loads(inline.stdout)
    assert a["result"] == b["result"] and a["forward"] == b["forward"]


def test_api_takes_a_list_of_assignments():
    """The API also takes the assignments as a list of strings or (name, expression) pairs."""
    listed = backprop(["h = tanh(w1*x + b1)", ("y", "sigmoid(w2*h + b2)"), "L = (y - t)^2"],
                      at=TWO_LAYER_AT)
    assert listed.result == backprop(TWO_LAYER, at=TWO_LAYER_AT).result


@pytest.mark.parametrize("args, message", [
    (["y = 2*h; h = x^2; L = y^2", "--at", "x=1"], "h is used before it is assigned (on line"),
    (["a = b + 1; b = a*2; L = a^2", "--at", "x=1"], "cycle: a → b → a"),
    (["a = a + x; L = a^2", "--at", "x=1"], "cycle: a → a"),
    (["z = w*x; p = softmax(z)", "--at", "w=1,x=2"], "the loss must be a scalar"),
    (["y = w*x; L = y^2", "--at", "w=1,x=[1, 2]"], "the loss must be a scalar"),
    (["y = w*x; L = (y - t)^2", "--at", "x=1,t=0"], "no value at --at for w"),
    (["y = log(x); L = y^2", "--at", "x=-1"], "the loss is undefined at this point"),
    (["y = 1/(x - 1); L = y^2", "--at", "x=1"], "the loss is undefined at this point"),
    (["y = sqrt(x); L = y", "--at", "x=0"], "∂y/∂x"),
    (["y = w*x; y = 2*w; L = y", "--at", "w=1,x=1"], "assigned a second time"),
    (["y = w*x; L = y^2", "--at", "w=1,x=1,q=2"], "does not use"),
    (["y = w*x; L = y^2", "--at", "w=1,x=1", "--wrt", "y"], "is computed"),
    (["y = w*x; L = y^2", "--at", "w=1,x=1", "--lr", "fast"], "--lr"),
    (["y == w; L = y", "--at", "w=1"], "expected an assignment"),
    (["y = (w*; L = y", "--at", "w=1"], "line 1"),
    (["nosuchfile", "--at", "w=1"], "neither a computation"),
])
def test_bad_input_is_one_message_and_exit_code_2(args, message):
    """Each mistake gets one clear message naming it, exit code 2, no traceback."""
    result = runner.invoke(app, ["backprop", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_api_errors_are_derive_errors():
    with pytest.raises(DeriveError, match="used before it is assigned"):
        backprop("y = 2*h; h = x; L = y", at={"x": 1})


# --- output ------------------------------------------------------------------------------------

def test_json_kind_and_fields():
    """JSON: kind backprop, the forward and backward pass, and each gradient with its checks."""
    data = json.loads(backprop(TWO_LAYER, at=TWO_LAYER_AT, lr=0.1).render("json"))
    assert data["kind"] == "backprop" and data["verified"] is True
    assert [f["node"] for f in data["forward"]] == ["h", "y", "L"]
    assert data["backward"][0] == {"node": "L", "adjoint": "1", "value": "1.00000000000000",
                                   "uses": []}
    assert set(data["result"]) == {"x", "w1", "b1", "w2", "b2", "t"}
    for entry in data["result"].values():
        assert entry["check"] in ("symbolic", "numeric")
        assert sympy.sympify(entry["substituted"]).free_symbols <= set(
            sympy.symbols("x t w1 b1 w2 b2"))
    assert data["learning_rate"] == "1/10"


@pytest.mark.parametrize("format", ["text", "markdown", "latex", "rich"])
def test_graph_and_table_in_every_format(format):
    """The graph (a tree, Mermaid, TikZ) and the node table appear in every format."""
    out = backprop(TWO_LAYER, at=TWO_LAYER_AT).render(format, "en")
    marks = {"text": ["└─ [∂y/∂h = −0.2] h = 0.2449", "local derivative"],
             "rich": ["h = 0.2449", "local derivative"],
             "markdown": ["```mermaid\nflowchart LR", "| node | value | local derivative | adjoint |\n| :-- |"],
             "latex": [r"\begin{tikzpicture}", r"\begin{tabular}{llll}"]}[format]
    for mark in marks:
        assert mark in out
    zh = backprop(TWO_LAYER, at=TWO_LAYER_AT).render(format, "zh")
    for word in ("反向传播", "前向传播", "计算图"):
        assert word in zh


def test_chinese_names_gradient_descent():
    zh = backprop(TWO_LAYER, at=TWO_LAYER_AT, lr=0.1).render("text", "zh")
    assert "梯度下降" in zh


# --- a softmax output layer ------------------------------------------------------------------

LAYER = "z = W h + b; p = softmax(z); L = cross_entropy(p, y)"


def _layer_loss(W, h, b, y):
    z = anp.dot(W, h) + b
    return -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z)))))


@settings(max_examples=10, deadline=None)
@given(n=st.integers(1, 4), m=st.integers(1, 3), data=st.data())
def test_softmax_layer_agrees_with_autograd(n, m, data):
    """∂L/∂W = (p − y)hᵀ, ∂L/∂b = p − y, ∂L/∂h = Wᵀ(p − y) at random points equal autograd's."""
    W = [[data.draw(weights) for _ in range(m)] for _ in range(n)]
    h = [data.draw(weights) for _ in range(m)]
    b = [data.draw(weights) for _ in range(n)]
    target = data.draw(st.integers(0, n - 1))
    y = [1 if k == target else 0 for k in range(n)]
    result = backprop(LAYER, at={"W": W, "h": h, "b": b, "y": y}, n=n)
    assert result.verified
    arrays = [anp.array(v, dtype=float) for v in (W, h, b, y)]
    for position, name in enumerate("Whb"):
        expected = autograd.grad(_layer_loss, position)(*arrays)
        value = result.gradient(name).value
        for r in range(value.rows):
            for c in range(value.cols):
                want = expected[r, c] if name == "W" else expected[r]
                assert math.isclose(float(value[r, c]), float(want), rel_tol=1e-9, abs_tol=1e-12)


def test_softmax_layer_n3_formulas_and_numbers():
    """The n = 3 layer: z̄ = p − y from the indexed engine (cases i = j and i ≠ j), the numbers."""
    at = "W=[[0.2, -0.5], [1.5, 1.3], [0, 0.25]],h=[1, 2],b=[0.1, 0, -0.2],y=[0, 1, 0]"
    result = backprop(LAYER, at=at, n=3, lr="0.1")
    layer = result.layer
    assert (layer.n, layer.m) == (3, 2) and result.verified
    assert {s.case for s in layer.indexed.stages if s.case} == {"i = j", "i ≠ j"}
    z = [0.2 - 1.0 + 0.1, 1.5 + 2.6, 0.5 - 0.2]
    total = sum(math.exp(v) for v in z)
    p = [math.exp(v) / total for v in z]
    dz = [p[0], p[1] - 1, p[2]]
    for k in range(3):
        assert math.isclose(float(layer.gradient(sympy.Symbol("b")).value[k]), dz[k], rel_tol=1e-12)
        assert math.isclose(float(layer.gradient(sympy.Symbol("W")).value[k, 1]), dz[k] * 2,
                            rel_tol=1e-12)
    text = result.render("text", "zh")
    assert "反向传播" in text and "梯度下降" in text
    markdown = result.render("markdown")
    assert "```mermaid" in markdown and r"\delta" in markdown
    data = json.loads(result.render("json"))
    assert data["layer"]["n"] == 3 and data["result"]["W"]["check"] == "numeric"


@pytest.mark.parametrize("args, message", [
    ([LAYER, "--at", "W=[[1, 2], [3, 4]],h=[1, 2],b=[0, 0],y=[0, 1]", "--n", "3"], "--n 3"),
    ([LAYER, "--at", "W=[[1, 2], [3, 4]],h=[1, 2],b=[0, 0],y=[0.5, 0.7]"], "probability vector"),
    ([LAYER, "--at", "W=[[1, 2], [3, 4]],h=[1, 2, 3],b=[0, 0],y=[0, 1]"], "vector of 2 entries"),
    ([LAYER, "--at", "W=[[1, 2], [3, 4]],h=[1, 2],y=[0, 1]"], "no value at --at for b"),
    ([LAYER, "--at", "W=[[1, 2], [3, 4]],h=[1, 2],b=[0, 0],y=[0, 1]", "--wrt", "y"],
     "parameters of the layer"),
    (["z = W h + b; L = softmax(z)", "--at", "W=[[1]],h=[1],b=[0]"], "the loss must be a scalar"),
    (["y = w*x; L = y^2", "--at", "w=1,x=1", "--n", "3"], "has none"),
])
def test_layer_errors(args, message):
    result = runner.invoke(app, ["backprop", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_a_node_the_loss_does_not_use_has_adjoint_zero():
    """b = a² feeds nothing: its adjoint is 0, said in every format, and the rest is unchanged."""
    result = backprop("a = x*w; b = a^2; L = a + 1", at={"x": 1, "w": 2})
    assert float(result.scalar.adjoint(sympy.Symbol("b")).value) == 0
    assert float(result.gradient("w").value) == 1
    for format, options in (("text", {"width": 200}), ("markdown", {}), ("latex", {})):
        assert "adjoint is 0" in result.render(format, **options)


def test_html_shows_the_numbers_of_each_pass():
    """In HTML (MathML) a name standing for its value prints the value, a negative one in
    brackets."""
    out = backprop("a = x*w; L = (a + a^2 - t)^2", at={"x": 0.5, "w": 1.5, "t": 1}).render("html")
    assert "<mn>1.5</mn><mo>·</mo><mn>0.5</mn>" in out            # a = w·x = 1.5·0.5
    assert "<mn>1</mn><mo>·</mo><mn>0.625</mn>" in out            # ū = L̄·∂L/∂u = 1·0.625
    assert '<mo stretchy="false">(</mo><mrow><mo>−</mo><mn>0.625</mn></mrow>' in out
