"""papermill's translator for Receptive: parameter values written as a Receptive cell.

The rules follow the language (docs/language-reference.md and the lexer in
Sources/ReceptiveLanguage/Lexer):
- Numbers are Doubles. A float is written as Python's repr, the shortest text that reads back to
  the same Double; the lexer parses number literals with a correctly rounded conversion, so the
  value arrives exactly. An int is written in full when a Double holds it exactly, else rejected.
- nan and the infinities have no literal; division by zero gives them, as in numpy.
- Strings have the escapes \\n \\t \\" \\\\ and nothing else.
- `[...]` is a tensor when every element is a number or a tensor of one shape, a list when any
  element is something else, and a ShapeError when numbers and tensors (or tensors of different
  shapes) are mixed; the translator applies the same rule so a bad value fails before the run.
- There is no literal for a mapping: records only come from builtins.
"""
import math
import numbers
import re

from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

#: The kernel name and the `language_info.name` papermill looks the translator up by.
LANGUAGE = "receptive"

# LANGUAGE.md §1 and §8: words that cannot be assigned to.
_KEYWORDS = frozenset(
    "fn return if else for in and or not true false none while break continue".split())

# Characters that end a line for Python's str.splitlines(), which nbformat uses to store a cell's
# source, and for editors; a Receptive string has no escape for them and cannot span lines.
_LINE_BREAKS = {
    "\r": "carriage return", "\x0b": "line tabulation", "\x0c": "form feed",
    "\x1c": "file separator", "\x1d": "group separator", "\x1e": "record separator",
    "\x85": "next line", "\u2028": "line separator", "\u2029": "paragraph separator",
}


class ReceptiveParameterError(PapermillException, ValueError):
    """A parameter that has no exact Receptive literal."""


class _Unwritable(Exception):
    """What is wrong with the value at `path` (`[1][0]`, empty for the value itself)."""

    def __init__(self, path, problem):
        super().__init__(problem)
        self.path = path
        self.problem = problem

    def message(self, subject):
        where = f"{subject}, element {self.path}," if self.path else subject
        return f"{where} {self.problem}"


class _Tensor:
    """The shape of a bracketed literal that the language makes a tensor."""

    def __init__(self, shape):
        self.shape = shape


class ReceptiveTranslator(Translator):
    """Writes papermill parameters as Receptive assignments."""

    @classmethod
    def translate(cls, val):
        try:
            return cls._literal(val, path="")[0]
        except _Unwritable as problem:
            raise ReceptiveParameterError(problem.message("the value")) from None

    @classmethod
    def _literal(cls, val, path):
        """Returns (text, kind): kind is "number", a _Tensor, or None for anything else."""
        if val is None:
            return "none", None
        if isinstance(val, bool):
            return ("true" if val else "false"), None
        if isinstance(val, numbers.Integral):
            return cls._integer(int(val), path), "number"
        if isinstance(val, numbers.Real):
            return cls.translate_float(float(val)), "number"
        if isinstance(val, str):
            return cls._string(val, path), None
        if isinstance(val, dict):
            raise _Unwritable(path, "is a dict; Receptive has no literal for a mapping (its records come "
                                    "only from builtins), so pass each entry as its own parameter")
        if isinstance(val, tuple):
            items = [cls._literal(item, f"{path}[{index}]")[0] for index, item in enumerate(val)]
            return ("(" + items[0] + ",)") if len(items) == 1 else "(" + ", ".join(items) + ")", None
        if isinstance(val, list):
            return cls._bracketed(val, path)
        raise _Unwritable(path, f"has type {type(val).__name__}; Receptive parameters can be numbers, "
                                "strings, booleans, none, and lists or tuples of those")

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "0 / 0"
        if math.isinf(val):
            return "1 / 0" if val > 0 else "-1 / 0"
        return float.__repr__(val)

    @classmethod
    def _integer(cls, val, path):
        try:
            exact = float(val) == val
        except OverflowError:
            exact = False
        if not exact:
            raise _Unwritable(path, f"is the integer {val}, which no Double holds exactly "
                                    "(Receptive numbers are Doubles, which hold every integer up to 2**53 and only some beyond)")
        return str(val)

    @classmethod
    def _string(cls, val, path):
        for char, name in _LINE_BREAKS.items():
            if char in val:
                raise _Unwritable(path, f"contains a {name} (U+{ord(char):04X}) at index {val.index(char)}; "
                                        "a Receptive string cannot hold one (its escapes are \\n \\t \\\" \\\\)")
        escaped = (val.replace("\\", "\\\\").replace('"', '\\"')
                   .replace("\n", "\\n").replace("\t", "\\t"))
        return f'"{escaped}"'

    @classmethod
    def _bracketed(cls, items, path):
        translated = [cls._literal(item, f"{path}[{index}]") for index, item in enumerate(items)]
        text = "[" + ", ".join(item_text for item_text, _ in translated) + "]"
        kinds = [kind for _, kind in translated]
        if any(kind is None for kind in kinds):
            return text, None  # a list: any element that is not a number or a tensor
        if not kinds:
            return text, _Tensor((0,))
        shapes = [() if kind == "number" else kind.shape for kind in kinds]
        for index, shape in enumerate(shapes[1:], start=1):
            if shape != shapes[0]:
                raise _Unwritable(path, f"is ragged: element [{index}] has shape {cls._shape(shape)} but "
                                        f"element [0] has shape {cls._shape(shapes[0])}; a list of numbers "
                                        "becomes a tensor, whose elements must all have one shape")
        return text, _Tensor((len(kinds),) + shapes[0])

    @staticmethod
    def _shape(shape):
        return "scalar (a number)" if not shape else "×".join(str(size) for size in shape)

    @classmethod
    def comment(cls, cmt_str):
        return f"# {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        return f"{name} = {str_val}"

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        lines = [cls.comment(comment)]
        for name, val in parameters.items():
            if not is_identifier(name):
                raise ReceptiveParameterError(
                    f"parameter {name!r} is not a Receptive name (letters, digits and _, not "
                    "starting with a digit, and not a keyword)")
            try:
                lines.append(cls.assign(name, cls._literal(val, path="")[0]))
            except _Unwritable as problem:
                raise ReceptiveParameterError(problem.message(f"parameter {name!r}")) from None
        return "\n".join(lines) + "\n"

    @classmethod
    def inspect(cls, parameters_cell):
        """The `name = value  # help` assignments of a parameters cell, for --help-notebook."""
        parameters = []
        for statement, help_text in _statements(parameters_cell["source"]):
            match = re.fullmatch(r"\s*([^\W\d]\w*)\s*=(?!=)\s*(.+?)\s*", statement, re.DOTALL)
            if match is None or not is_identifier(match.group(1)):
                continue
            value = " ".join(line.strip() for line in match.group(2).splitlines())
            parameters.append(Parameter(name=match.group(1), inferred_type_name=_type_name(value),
                                        default=value, help=help_text))
        return parameters


def is_identifier(name):
    """Whether `name` is a Receptive identifier: `_` or a letter, then letters, `_` or digits 0-9."""
    if not isinstance(name, str) or not name or name in _KEYWORDS:
        return False
    first, rest = name[0], name[1:]
    return (first == "_" or first.isalpha()) and all(c == "_" or c.isalpha() or c in "0123456789" for c in rest)


def _statements(source):
    """Splits a cell into statements (newlines inside brackets continue one) with the text of the
    comment on each statement's last line. Strings are skipped so `#` and brackets in them count
    for nothing."""
    statements, current, depth, comment = [], [], 0, ""
    index = 0
    while index < len(source):
        char = source[index]
        if char == '"':
            end = index + 1
            while end < len(source) and source[end] not in '"\n':
                end += 2 if source[end] == "\\" else 1
            current.append(source[index:end + 1])
            index = end + 1
            continue
        if char == "#":
            end = source.find("\n", index)
            end = len(source) if end < 0 else end
            comment = source[index + 1:end].strip()
            index = end
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        if char in "\n;" and depth == 0:
            statements.append(("".join(current), comment))
            current, comment = [], ""
        else:
            current.append(char)
        index += 1
    statements.append(("".join(current), comment))
    return [(text, help_text) for text, help_text in statements if text.strip()]


def _type_name(value):
    """A readable type for a literal default value, "None" (papermill's unknown) otherwise."""
    if re.fullmatch(r"-?\d[\d_]*(\.\d+)?([eE][-+]?\d+)?", value):
        return "number"
    if value in ("true", "false"):
        return "bool"
    if value == "none":
        return "none"
    if value.startswith('"') and value.endswith('"'):
        return "string"
    if value.startswith("["):
        return "tensor or list"
    if value.startswith("("):
        return "tuple"
    return "None"


papermill_translators.register(LANGUAGE, ReceptiveTranslator)
