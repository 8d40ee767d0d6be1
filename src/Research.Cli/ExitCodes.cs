namespace Research.Cli;

/// <summary>Exit codes of the <c>research</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A check failed (validation, doctor) or the environment is broken.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad usage: unknown option, invalid value, unreadable input file, unusable output folder.</summary>
    public const int Usage = 2;
}
