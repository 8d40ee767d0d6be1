namespace Research.Torch.Runtime;

/// <summary>Which device to compute on.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when available, otherwise the CPU. The default.</summary>
    Auto,
    /// <summary>Always the CPU.</summary>
    Cpu,
    /// <summary>CUDA; an error when it is not available.</summary>
    Cuda,
}
