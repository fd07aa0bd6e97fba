"""English messages of errors.  Same keys as every other catalogue (a test checks it).

``{name}`` is filled with the parameter of the error that raised it; ``{{`` and ``}}`` are
literal braces (see :mod:`derive.messages`).
"""

MESSAGES = {
    # -- how a message is framed -----------------------------------------------------------
    "frame.error": "error: {message}",
    "frame.at_position": "{message} at position {n}",
    "frame.hint": "hint: {hint}",
    "frame.internal": "internal error ({detail}); please report it with the command that caused it",
    "frame.interrupted": "interrupted",
    "token.end": "end of input",
    "value.shortened": "{head}… ({digits} digits)",

    # -- reading an expression ---------------------------------------------------------------
    "parse.not_text": "the expression must be text",
    "parse.too_long": "the input is too long ({length} characters; the limit is {limit})",
    "parse.function_name": "invalid function name {name}",
    "parse.empty": "empty input",
    "parse.too_deep": "the expression is nested too deeply (more than {levels} levels)",
    "parse.missing_closing": "missing `{closing}`",
    "parse.ends_with_operator": "expected an expression after `{operator}`",
    "parse.expected": "{expected}",
    "parse.expected_found": "{expected}, found {found}",
    "parse.unexpected_end": "unexpected end of input",
    "parse.unexpected_token": "unexpected {found}",
    "parse.unmatched": "unmatched `{closing}`",
    "parse.unexpected_comma": "unexpected `,`",
    "parse.unexpected_equals": "unexpected `=`",
    "parse.unexpected_semicolon": "unexpected `;`",
    "parse.unexpected_partial": "unexpected `∂`",
    "parse.unexpected_underscore": "unexpected `_`",
    "parse.unexpected_character": "unexpected character `{char}`",
    "parse.unexpected_dot": "unexpected `.`",
    "parse.subscript_alone": "a subscript must follow a variable name",
    "parse.subscript_braces": "a subscript in braces must be letters or digits",
    "parse.subscript_missing": "expected a subscript after `_`",
    "parse.unknown_function": "unknown function `{name}`",
    "parse.latex_off": "unexpected `\\` (LaTeX input is turned off)",
    "parse.latex_unsupported": "`\\{command}` is not supported",
    "parse.latex_unknown": "unknown LaTeX command `\\{command}`",
    "parse.named_brace": "expected `{{` with a name",
    "parse.named_name": "expected a name in braces",
    "parse.number_too_long": "number too long (more than {digits} digits)",
    "parse.number_too_large": "number too large (more than {digits} digits)",
    "parse.division_by_zero": "division by zero",
    "parse.power_undefined": "the power is undefined",
    "parse.function_undefined": "the function is undefined at this argument",
    "parse.index_unknown": "the index of `{name}` must be one of {indices}",
    "parse.index_alone": "`{name}` is an index",
    "parse.sum_index": "a sum runs over an index ({indices})",
    "parse.empty_parentheses": "empty parentheses",
    "parse.ambiguous_inverse": "`{written}` is ambiguous",
    "parse.log_base": "the base of a logarithm must be positive and not 1",
    "parse.arguments_one": "`{function}` takes 1 argument, not {count}",
    "parse.arguments_exactly": "`{function}` takes {least} arguments, not {count}",
    "parse.arguments_between": "`{function}` takes {least} to {most} arguments, not {count}",
    "parse.arguments_at_least": "`{function}` takes at least {least} arguments, not {count}",
    "parse.needs_argument": "`{function}` needs an argument",
    "parse.several_equals": "more than one `=`",
    "parse.nothing_after_equals": "expected an expression after `=`",
    "parse.undefined": "the expression is undefined (it divides by zero or similar)",
    "expected.closing": "expected `{closing}`",
    "expected.operand": "expected an operand",
    "expected.expression": "expected an expression",
    "expected.brace": "expected `{{`",
    "expected.sum_index": "expected `,` and the index of the sum, as in sum(z_k, k)",
    "expected.log_base": "expected the base of the logarithm after `log_`",
    "equation.one_equals": "an equation needs exactly one `=`",
    "equation.nothing_before": "expected an expression before `=`",
    "variable.not_text": "a variable name must be text",
    "variable.empty": "empty variable name",
    "variable.too_long": "variable name too long",
    "variable.constant": "`{name}` is a constant, not a variable",
    "variable.function": "`{name}` is a function, not a variable",
    "variable.not_single": "`{name}` is not a single variable",

    # -- derivative operators in the input ---------------------------------------------------
    "operator.not_here": "derivative notation `{operator}` is not expected here",
    "operator.not_first": "the derivative operator `{operator}` must come first",
    "operator.needs_function": "`{operator}` needs what {function} is",
    "operator.other_function": "`{operator}` needs what {function} is, not {other}",
    "operator.nothing": "`{operator}` has nothing to differentiate",
    "operator.twice": "one derivative at a time",
    "operator.followed": "`{operator}` names what it differentiates; nothing may follow it",
    "operator.equation": "`{operator}` of an equation is implicit differentiation",
    "operator.orders": "the orders of `{operator}` do not match: {above} above, {below} below",
    "operator.order_too_high": "the order of `{operator}` is more than {most}",
    "operator.mixed_d": "`{operator}` mixes variables with d",

    # -- hints --------------------------------------------------------------------------------
    "hint.did_you_mean": "did you mean `{guess}`?",
    "hint.did_you_mean_command": "did you mean `\\{guess}`?",
    "hint.declare_function": "declare it with --function {name}, or write {product}(…) for a "
                             "product",
    "hint.declare_named": "declare it as a function name",
    "hint.quotes": "quotes and strings are not part of an expression",
    "hint.prime": "derivative notation (′) is not part of an expression; give the function "
                  "itself",
    "hint.fullwidth": "`{char}` is a full-width character: write `{halfwidth}`",
    "hint.factorial": "factorials are not supported",
    "hint.dot": "a `.` is only allowed inside a number such as 0.5",
    "hint.subscript_follows": "a subscript follows a variable: x_1, x_{{12}}, z_i",
    "hint.subscript_braces": "write x_{{12}} or z_{{i}}",
    "hint.subscript_forms": "write x_1, x_{{12}} or z_i",
    "hint.operatorname": "write \\operatorname{{name}}",
    "hint.latex.prime": "derivative notation is not part of an expression",
    "hint.latex.infty": "infinity is not supported",
    "hint.latex.int": "integrals are not supported",
    "hint.latex.sum": "sums are not supported",
    "hint.latex.prod": "products are not supported",
    "hint.latex.lim": "limits are not supported",
    "hint.never_closed": "the `{opener}` at position {n} is never closed",
    "hint.ends_with_operator": "the expression ends with an operator",
    "hint.unmatched": "remove it or add a matching opening",
    "hint.comma": "a comma only separates the arguments of a function, as in log(x, 2); "
                  "write 1100, not 1,100",
    "hint.equals_in_expression": "only one `f(x)=` or `y=` definition may come first; an "
                                 "equation needs implicit differentiation",
    "hint.semicolon": "write one expression, or a definition and a derivative: y = x^2; dy/dx",
    "hint.partial_first": "a derivative operator comes first and applies to everything after "
                          "it: ∂/∂x (x^2 y)",
    "hint.type_expression": "type an expression such as x^2",
    "hint.index_as_subscript": "use it as a subscript, e.g. z_{name}",
    "hint.put_inside": "put an expression inside",
    "hint.reciprocal": "write 1/f(x) for a reciprocal",
    "hint.write_call": "write {name}(x)",
    "hint.variable_name": "give a name such as x",
    "hint.variable_forms": "a variable is a letter, optionally with digits or a subscript: x, "
                           "x1, x_1, θ",
    "hint.real_numbers": "ln needs a positive argument, arcsin and arccos one from −1 to 1, an "
                          "even root one that is not negative; (−8)^(1/3) is read as a complex "
                          "root (for the real cube root write −8^(1/3))",
    "hint.function_name": "a function name is letters and digits, such as phi or F",
    "hint.operator_commands": "give the function itself; derive diff, check, grad and limit "
                              "read d/dx (…)",
    "hint.operator_first": "it applies to everything after it: d/dx (x^2 + 1)",
    "hint.operator_define": "write {function} = …; {plain}, or {bare} (…)",
    "hint.operator_operand": "write what follows it: {operator} (x^2 + 1)",
    "hint.operator_single": "write a single operator first: d/dx (…)",
    "hint.operator_alone": "write {plain} alone",
    "hint.use_implicit": "derive implicit \"{equation}\" answers it",
    "hint.define_function": "write {function} = …",
    "hint.one_expression": "write one expression",
    "hint.equation_needs_implicit": "an equation needs implicit differentiation; only a "
                                    "leading definition such as f(x)= or y= is dropped",
    "hint.operator_orders": "write d^2/dx^2, or ∂^2/∂x∂y for a mixed derivative",
    "hint.operator_mixed": "a mixed derivative is written with ∂: ∂^2/∂x∂y",

    # -- budgets ------------------------------------------------------------------------------
    "budget.value_too_large": "{function} of {value} is too large to compute: its exact value "
                              "has more than {digits} digits",
    "budget.size": "the derivative is too large to explain step by step: written out it would "
                   "have more than {nodes} symbols and operations (the size budget)",
    "budget.time_variable": "{variable} must be a number of seconds (got {got})",
    "budget.time": "the computation took more than {seconds} s (the time budget, set by "
                   "{variable}): the expression is too large to explain step by step",
    "budget.memory": "not enough memory to explain this expression step by step",

    # -- the command line ---------------------------------------------------------------------
    "usage.no_such_option": "no such option: {option}",
    "usage.no_such_option_guess": "no such option: {option} (did you mean {guess}?)",
    "usage.no_such_command": "no such command: {command}",
    "usage.no_such_command_guess": "no such command: {command} (did you mean {guess}?)",
    "usage.missing_argument": "missing argument {name}",
    "usage.missing_option": "missing option {name}",
    "usage.missing_command": "missing command",
    "usage.option_needs_value": "option {option} needs a value",
    "usage.option_value_or_expression": "option {option} needs a value; for the expression "
                                        "{option}, write '({option})' or put -- before it "
                                        "({command} -- {option})",
    "usage.option_takes_no_value": "option {option} takes no value",
    "usage.choice": "{option}: {value} is not one of {choices}",
    "usage.int": "{option}: {value} is not a whole number",
    "usage.at_most": "{option}: {value} is more than {bound}",
    "usage.at_least": "{option}: {value} is less than {bound}",
    "usage.invalid_value": "invalid value for {option}: {detail}",
    "usage.extra_arguments": "unexpected extra arguments ({words})",
    "usage.other": "{detail}",
    "usage.see_help": "{command} --help lists the options",
    "output.standalone": "--standalone needs --format latex (or an output file ending in .tex), "
                         "not {format}",
    "file.cannot_write": "cannot write {path}: {reason}",
    "file.needs_name": "--output needs a file name, not a directory",
    "file.not_utf8": "it is not UTF-8 text",
    "os.ENOENT": "No such file or directory",
    "os.EACCES": "Permission denied",
    "os.EPERM": "Operation not permitted",
    "os.EISDIR": "Is a directory",
    "os.ENOTDIR": "Not a directory",
    "os.ENOSPC": "No space left on device",
    "os.EROFS": "Read-only file system",
    "os.EEXIST": "File exists",
    "pdf.no_engine": "--pdf needs {engine}, which is not on the PATH: install TeX Live, e.g. on "
                     "Debian or Ubuntu: apt-get install {packages} (macOS: MacTeX; Windows: "
                     "MiKTeX or TeX Live)",
    "pdf.failed": "{engine} could not compile the sheet: {reason}",
    "pdf.see_log": "see its log",
    "check.at_form": "--at expects VAR=VALUE, e.g. --at x=2 (got {got})",
    "backprop.not_program": "{argument} is neither a computation (it has no `=`) nor a readable "
                            "file: {reason}",

    # -- problem sheets -----------------------------------------------------------------------
    "sheet.pdf_format": "--pdf makes a PDF from LaTeX, not from {format}",
    "sheet.cannot_read": "cannot read the problem file {path}: {reason}",
    "sheet.not_utf8": "the problem file {path} is not UTF-8 text",
    "sheet.pdf_output": "with --pdf the output is a .pdf file, not {name}",
    "sheet.empty": "{path}: no problems (one a line; # starts a comment)",
    "sheet.not_solved": "{failed} of {total} problems not solved: {numbers}",
    "sheet.line": "line {line}: {error}",
    "sheet.quotation": "No closing quotation",
    "sheet.no_command": "no command",
    "sheet.json_invalid": "not valid JSON ({reason}, column {column})",
    "sheet.json_object": "a JSON problem is an object",
    "sheet.json_unknown_key": "unknown key {keys} (known: {known})",
    "sheet.json_command": "\"command\" is missing (e.g. \"command\": \"diff\")",
    "sheet.json_arguments": "\"arguments\" is a list of strings",
    "sheet.json_options": "\"options\" is an object, e.g. {{\"wrt\": \"x\"}}",
    "sheet.json_string": "\"{key}\" is a string",
    "sheet.unknown_command": "unknown command {command} (one of {known})",
    "sheet.help": "--help is not a problem",
    "sheet.option_of_sheet": "--{option} is an option of the sheet, not of a problem",
    "sheet.no_derivation": "the problem asks for no derivation",
    "sheet.answer_command": "an answer given is checked for {commands} problems, not {command}",
    "sheet.too_deep": "the expression is nested too deeply",

    # -- what the derivative is asked of -----------------------------------------------------
    "api.expression_type": "expected an expression as text or a sympy object, got {got}",
    "api.equation_type": "expected an equation as text or a sympy object, got {got}",
    "api.detail": "unknown detail level {level}: choose one of {levels}",
    "api.route": "unknown route {route}: choose one of {routes}",
    "api.format": "unknown format {format}: choose one of {formats}",
    "api.format_option": "the {format} format has no option {unknown} (its options: {takes})",
    "api.json_options": "the json format takes no options (got {got})",
    "order.not_whole": "the order must be a whole number of at least 1 (got {got})",
    "order.too_high": "the order must be at most {most} (got {got})",
    "wrt.several": "the expression has several variables ({names}): choose one with --wrt "
                   "(e.g. --wrt {first})",
    "wrt.none": "no variable given to differentiate by",
    "wrt.order_and_several": "give either several variables or an order, not both",
    "wrt.absent": "{var} does not occur in the expression (its variables: {names})",
    "hint.allow_absent": "to differentiate by {var} anyway (the derivative is 0), add "
                         "--allow-absent",
    "hint.absent_guess": "did you mean {guess}? To differentiate by {var} anyway (the derivative "
                         "is 0), add --allow-absent",
    "operator.wrt_conflict": "the input's {operator} says {stated}, --wrt says {given}: give "
                             "one of them",
    "operator.order_conflict": "the input's {operator} is of order {stated}, --order says "
                               "{given}: give one of them",
    "operator.first_only": "{command} takes first derivatives, not {operator}: derive diff "
                           "explains higher ones",
    "operator.wrt_differ": "the input's {operator} and --wrt differ: give one of them",
    "what.gradient": "the gradient",
    "what.limit": "the limit definition",
    "undefined.expression": "{text} is undefined: {reason}",
    "undefined.derivative": "the derivative of {text} is undefined: {reason}",
    "undefined.value": "it involves an undefined value (a division by zero or the logarithm "
                       "of 0)",
    "undefined.not_real": "{function} needs a real argument and {arg} is not a real number",
    "undefined.not_real_number": "{value} is not a real number, and derive differentiates real "
                                 "functions of a real variable",
    "value.not_number": "the value of {var} must be a number (got {got})",

    # -- topics -------------------------------------------------------------------------------
    "gradient.no_variables": "the expression has no variables: its gradient is empty",
    "gradient.repeated": "each variable may be named only once",
    "critical.no_variables": "the expression has no variables: there is nothing to solve",
    "limit.one_variable": "the limit definition takes one variable at a time",
    "limit.several": "the expression has several variables ({names}): choose one with --wrt",
    "compose.several": "the functions use several variables ({names}): choose the one they "
                       "are written in with --var",
    "compose.one_value": "give one value for the variable, e.g. --at x=2",
    "compose.point_variable": "the point must give a value for {var} (got {got})",
    "implicit.no_y": "the equation does not contain {y}: choose y with --y",
    "implicit.choose_x": "choose the independent variable with --x",
    "implicit.only_y": "the equation only contains {y}",
    "implicit.same": "x and y must be different variables",
    "implicit.slope_cancels": "d{y}/d{x} cancels from the differentiated equation: it does not define {y} as a function of {x} here",
    "implicit.not_function": "∂F/∂{y} is 0: the equation does not define {y} as a function of "
                             "{x}",
    "chain.twice": "the intermediate {name} is defined twice",
    "chain.none": "give at least one intermediate, e.g. --let u=x^2+y",
    "chain.form": "an intermediate is written name=expression, e.g. u=x^2+y (got {got})",
    "chain.absent": "the intermediate {name} does not occur in the expression",
    "chain.nested": "{name} is given in terms of another intermediate ({others}): write it in "
                    "the parameters",
    "chain.not_parameter": "{name} is not a parameter here (choose from {names})",
    "check.answer_variables": "the answer uses {names}, which the expression does not: write "
                              "the answer in the expression's variables",
    "jacobian.undefined_function": "undefined functions such as f(z_j) have no indexed "
                                   "derivative here",
    "jacobian.no_wrt": "give the variable with --wrt, e.g. --wrt z_i",
    "jacobian.mixed_wrt": "give either one entry (--wrt z_i) or plain variables (--wrt w1 "
                          "--wrt w2)",
    "jacobian.index_clash": "the index {index} of --wrt also appears free in the expression: "
                            "use another letter for one of them (e.g. --wrt {base}_i with "
                            "output index j)",
    "jacobian.no_vector": "the expression does not contain the vector {base}",
    "jacobian.free_indices": "the expression may have at most one free (output) index",
    "jacobian.entry_needed": "with indexed entries or sums, differentiate by an entry such as "
                             "--wrt z_i",
    "jacobian.absent": "the expression does not contain {names}",
    "jacobian.sum_one_index": "only sums over one index, sum(…, k) for k = 1 … n, are "
                              "supported",
    "softmax.n": "--n must be a whole number from 1 to {most} (got {got})",
    "softmax.loss": "unknown loss {loss}: choose one of {losses}",
    "sheet.format": "a sheet is written as {formats}, not {format}",

    # -- backpropagation ----------------------------------------------------------------------
    "backprop.assignment_type": "assignment {number}: expected \"name = expression\" or a "
                                "(name, expression) pair, got {got}",
    "backprop.program_type": "expected the computation as text or a list of assignments, got "
                             "{got}",
    "backprop.where": "line {line} ({text})",
    "backprop.not_assignment": "{where}: expected an assignment \"name = expression\"",
    "backprop.left_side_because": "{where}: the left side must be one name ({reason})",
    "backprop.left_side": "{where}: the left side must be one name",
    "backprop.in_line": "{at_line}: {inner}",
    "backprop.empty": "the computation is empty: give assignments such as \"y = sigmoid(w*x + "
                      "b); L = (y - t)^2\"",
    "backprop.too_many": "at most {most} assignments (got {got})",
    "backprop.assigned_twice": "{where}: {name} is assigned a second time (first on line "
                               "{first}); give each node its own name",
    "backprop.cycle": "the computation has a cycle: {path} (lines {lines}); a node cannot "
                      "depend on itself",
    "backprop.used_before": "{where}: {name} is used before it is assigned (on line {line}); "
                            "put the assignments in the order they are computed",
    "backprop.n": "--n must be a whole number of at least 1 (got {got})",
    "backprop.n_without_layer": "--n gives the size of a softmax layer, and the computation has "
                                "none",
    "backprop.wrt_repeated": "each parameter may be named only once in --wrt",
    "backprop.at_computed": "--at gives a value to {name}, which the computation assigns (line "
                            "{line})",
    "backprop.at_unused": "--at gives a value to {names}, which the computation does not use",
    "backprop.at_missing": "no value at --at for {names}: every free name needs one, e.g. --at "
                           "{first}=0.5",
    "backprop.wrt_computed": "--wrt {name}: {name} is computed (line {line}), not a parameter; "
                             "choose among {names}",
    "backprop.wrt_unused": "--wrt {name}: the computation does not use {name}",
    "backprop.loss_softmax": "the loss must be a scalar: {name} = softmax(…) (line {line}) is a "
                             "vector; end with a scalar such as L = cross_entropy({name}, y)",
    "backprop.loss_vector": "the loss must be a scalar: {name} is a vector or matrix at --at, "
                            "and the computation has no softmax/cross_entropy layer",
    "backprop.undefined": "the loss is undefined at this point: {what} has no real value (at "
                          "{at})",
    "at.not_number": "--at {name}: expected a number, got {got}",
    "at.value_error": "--at {name}={value}: {reason}",
    "at.not_real": "--at {name}={value}: expected a real number",
    "at.vector_form": "--at {name}={value}: a vector is written [1, 0, 0]",
    "at.vector_empty": "--at {name}: a vector needs at least one entry",
    "at.matrix_rows": "--at {name}: the rows of a matrix must have one length",
    "at.mixed": "--at {name}: mixes numbers and rows",
    "at.pairs": "--at expects name=value pairs separated by commas, e.g. --at x=0.5,t=1 (got "
                "{got})",
    "at.type": "--at: expected text such as \"x=0.5,t=1\" or a mapping, got {got}",
    "at.name_error": "--at {name}: {reason}",
    "at.twice": "--at gives {name} twice",
    "layer.shape": "a vector layer is written \"{shape}\": {detail}",
    "layer.not_affine": "line {line} ({text}) is not W h + b",
    "layer.one_matrix": "exactly one of {first} and {second} takes a matrix value at --at (rows "
                        "in brackets, e.g. W=[[0.1, 0.2], [0.3, 0.4]]), the other a vector "
                        "(h=[1, 2])",
    "layer.count": "got {count} assignments",
    "layer.order": "the second assignment is softmax(…), the last cross_entropy(…, …)",
    "layer.softmax_argument": "softmax takes {name}, the first node",
    "layer.loss_argument": "cross_entropy takes {name}, the softmax, first",
    "layer.target": "the target of cross_entropy is a vector given at --at",
    "layer.missing": "no value at --at for {names}: every free name needs one, e.g. --at "
                     "y=[0, 1, 0]",
    "layer.n": "--n {n}, but {matrix} has {rows} rows: the layer has {rows} outputs",
    "layer.too_large": "a layer of at most {most} outputs and inputs ({matrix} is "
                       "{rows}×{columns})",
    "layer.vector": "--at {name}: {what} must be a vector of {size} entries, e.g. "
                    "{name}=[{zeros}]",
    "layer.input": "{name} (the layer's input)",
    "layer.target_vector": "{name} (the target)",
    "layer.bias": "{name} (the bias)",
    "layer.probability": "--at {name}: the target must be a probability vector (entries ≥ 0, "
                         "sum 1), e.g. one-hot {name}=[0, 1, 0]: the gradient p − y relies on "
                         "Σ_j y_j = 1",
    "layer.parameters": "--wrt {name}: the parameters of the layer are {names}",
    "layer.log_zero": "the loss is undefined at this point: a softmax output is 0 to working "
                      "precision (log 0)",
}
