namespace Research.Torch.Diagnostics;

/// <summary>Outcome of one check.</summary>
public enum CheckStatus
{
    /// <summary>Works.</summary>
    Ok,
    /// <summary>An optional part is missing; the core works without it.</summary>
    Warning,
    /// <summary>Broken.</summary>
    Failed,
}

/// <summary>One check made by <c>research doctor</c>.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Required">True when the core of the environment needs it.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Detail">What was found.</param>
/// <param name="Fix">What to do when it is not <see cref="CheckStatus.Ok"/>.</param>
public sealed record DoctorCheck(string Name, bool Required, CheckStatus Status, string Detail, string? Fix = null);
