"""The Jupyter conformance suite (jupyter_kernel_test 0.7) against the Receptive kernel:
every sample attribute is set, so no test is skipped."""
import jupyter_kernel_test

from conftest import KERNEL_NAME


class ReceptiveKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "receptive"
    file_extension = ".rcp"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'warn("careful: the kernel is wider than the input")'

    completion_samples = [
        {"text": "linsp", "matches": {"linspace"}},
        {"text": "zero", "matches": {"zeros"}},
    ]
    complete_code_samples = ["1 + 2", "x = 3", "fn double(a) = a * 2",
                             "for i in [1, 2] { print(i) }"]
    incomplete_code_samples = ["fn f(a) {", "x = [1, 2,", "conv2d(x,", "if true {\n  print(1)"]
    invalid_code_samples = ["1 + 2)", "]"]

    code_page_something = "help(conv2d)"
    code_generate_error = "undefined_name + 1"
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "0.1 + 0.2", "result": "0.30000000000000004"},
        {"code": "1 < 2", "result": "true"},
    ]
    code_display_data = [
        {"code": "show(ones(2, 2))", "mime": "text/plain"},
        {"code": "show(ones(2, 2))", "mime": "text/html"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "conv2d"
    code_clear_output = "clear()"


class ReceptiveIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True
