"""train through a real kernel (jupyter_client): the live loss plot is one display updated in
place, and an interrupt stops training between steps, leaving the model (and the optimizer) at
the last completed step, which the error names, so that training continues exactly as an
uninterrupted run would."""
import re
import time

from conftest import run_cell, texts

SETUP = """x = random(64, 1, 12, 12, seed: 1)
y = conv2d(x, [[[[0.5, -1, 0.25], [1, 0, -0.5], [0.25, 0.5, -1]]]])
m = conv_layer((3, 3), seed: 2)
m2 = copy(m)
opt = sgd(lr: 0.05, momentum: 0.9)"""

# One step per epoch (batch ≥ N) and no shuffling: step k is epoch k, so "the weights of step
# S" can be reproduced by training a copy for exactly S epochs.
ONE_STEP_PER_EPOCH = "batch: 64, shuffle: false"


def display_messages(outputs):
    return [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]


def test_the_loss_plot_is_one_display_updated_in_place(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, SETUP)
    assert reply["status"] == "ok", reply
    reply, outputs = run_cell(kc, f"r = train(m, x, y, optimizer: opt, epochs: 40, {ONE_STEP_PER_EPOCH});", timeout=120)
    assert reply["status"] == "ok", reply
    plots = [m for m in display_messages(outputs) if m["content"]["transient"]["display_id"].startswith("train-")]
    assert plots and plots[0]["msg_type"] == "display_data", [m["msg_type"] for m in plots]
    display_id = plots[0]["content"]["transient"]["display_id"]
    assert all(m["content"]["transient"]["display_id"] == display_id for m in plots)
    assert all(m["msg_type"] == "update_display_data" for m in plots[1:])
    final = plots[-1]["content"]["data"]["text/plain"]
    assert final.startswith("loss, step 40 of 40"), final
    assert "⠒⠒⠒ loss" in final
    reply, outputs = run_cell(kc, "(r.steps, r.loss[-1] < r.loss[0])")
    assert texts(outputs, "execute_result") == ["(40, true)"]


def test_an_interrupt_leaves_the_model_at_the_last_completed_step(kernel):
    km, kc = kernel
    reply, _ = run_cell(kc, SETUP)
    assert reply["status"] == "ok", reply
    msg_id = kc.execute(f"train(m, x, y, optimizer: opt, epochs: 1000000, {ONE_STEP_PER_EPOCH}, plot: false)")
    time.sleep(1.5)
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    content = reply["content"]
    assert content["status"] == "error" and content["ename"] == "Interrupted", content
    match = re.search(r"interrupted during step (\d+) \(epoch \d+ of 1000000\); the model holds the weights of "
                      r"step (\d+) of 1000000\. Call train again to continue\.", content["evalue"])
    assert match, content["evalue"]
    completed = int(match.group(2))
    assert int(match.group(1)) == completed + 1 and completed >= 1
    # One more step with the interrupted optimizer equals completed + 1 uninterrupted steps:
    # neither the layer nor the momentum buffers were left half-updated.
    reply, outputs = run_cell(kc, f"train(m, x, y, optimizer: opt, epochs: 1, {ONE_STEP_PER_EPOCH}, plot: false);\n"
                                  f"train(m2, x, y, optimizer: sgd(lr: 0.05, momentum: 0.9), epochs: {completed + 1}, "
                                  f"{ONE_STEP_PER_EPOCH}, plot: false);\n"
                                  "allclose(m.weight, m2.weight, tol: 0)", timeout=300)
    assert reply["status"] == "ok", reply
    assert texts(outputs, "execute_result") == ["true"], outputs
