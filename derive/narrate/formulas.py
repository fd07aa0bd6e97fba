"""The general formula of each rule, in plain and LaTeX notation (language-neutral)."""

from .document import Formula

FORMULAS = {
    "power": Formula("d/dx xⁿ = n·xⁿ⁻¹", r"\frac{d}{dx} x^{n} = n x^{n-1}"),
    "exp": Formula("d/dx eˣ = eˣ", r"\frac{d}{dx} e^{x} = e^{x}"),
    "exponential": Formula("d/dx aˣ = aˣ·ln a", r"\frac{d}{dx} a^{x} = a^{x} \ln a"),
    "log": Formula("d/dx ln x = 1/x", r"\frac{d}{dx} \ln x = \frac{1}{x}"),
    "log_base": Formula("d/dx log_b x = 1/(x·ln b)", r"\frac{d}{dx} \log_b x = \frac{1}{x \ln b}"),
    "sigmoid": Formula("σ'(x) = σ(x)·(1 − σ(x))", r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))"),
    "softplus": Formula("softplus'(x) = σ(x)", r"\operatorname{softplus}'(x) = \sigma(x)"),
    "abs": Formula("d/dx |x| = sign(x)", r"\frac{d}{dx} |x| = \operatorname{sign}(x)"),
    "relu": Formula("ReLU'(x) = H(x)", r"\operatorname{ReLU}'(x) = H(x)"),
    "sum": Formula("(f + g)' = f' + g'", r"(f + g)' = f' + g'"),
    "product": Formula("(f·g)' = f'·g + f·g'", r"(f g)' = f' g + f g'"),
    "quotient": Formula("(f/g)' = (f'·g − f·g')/g²", r"\left(\frac{f}{g}\right)' = \frac{f' g - f g'}{g^{2}}"),
    "chain": Formula("d/dx f(g(x)) = f'(g(x))·g'(x)", r"\frac{d}{dx} f(g(x)) = f'(g(x))\, g'(x)"),
}
