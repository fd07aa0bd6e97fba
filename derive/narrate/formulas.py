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
    "erf": Formula("erf'(x) = (2/√π)·e^(−x²)",
                   r"\operatorname{erf}'(x) = \frac{2}{\sqrt{\pi}} e^{-x^{2}}"),
    "erfc": Formula("erfc'(x) = −(2/√π)·e^(−x²)",
                    r"\operatorname{erfc}'(x) = -\frac{2}{\sqrt{\pi}} e^{-x^{2}}"),
    "gelu": Formula("GELU'(x) = Φ(x) + x·φ(x), Φ(x) = (1 + erf(x/√2))/2, φ(x) = e^(−x²/2)/√(2π)",
                    r"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x),\ "
                    r"\Phi(x) = \frac{1 + \operatorname{erf}(x/\sqrt{2})}{2},\ "
                    r"\varphi(x) = \frac{e^{-x^{2}/2}}{\sqrt{2\pi}}"),
    "silu": Formula("SiLU'(x) = σ(x)·(1 + x·(1 − σ(x)))",
                    r"\operatorname{SiLU}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)"),
    "mish": Formula("mish'(x) = tanh(softplus(x)) + x·σ(x)·sech²(softplus(x))",
                    r"\operatorname{mish}'(x) = \tanh(\operatorname{softplus}(x)) + "
                    r"x\,\sigma(x)\operatorname{sech}^{2}(\operatorname{softplus}(x))"),
    "sum": Formula("(f + g)' = f' + g'", r"(f + g)' = f' + g'"),
    "product": Formula("(f·g)' = f'·g + f·g'", r"(f g)' = f' g + f g'"),
    "quotient": Formula("(f/g)' = (f'·g − f·g')/g²", r"\left(\frac{f}{g}\right)' = \frac{f' g - f g'}{g^{2}}"),
    "chain": Formula("d/dx f(g(x)) = f'(g(x))·g'(x)", r"\frac{d}{dx} f(g(x)) = f'(g(x))\, g'(x)"),
}
