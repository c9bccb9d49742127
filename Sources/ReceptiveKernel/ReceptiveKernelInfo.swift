import JupyterKernel
import ReceptiveLanguage

/// The `kernel_info_reply` facts of the Receptive kernel.
public enum ReceptiveKernelInfo {
    /// The kernel's version.
    public static let version = "0.1.0"
}
