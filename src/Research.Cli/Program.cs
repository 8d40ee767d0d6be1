namespace Research.Cli;

/// <summary>Entry point of the <c>research</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        HaltForTests.InstallWriteHalt(Console.Error);
        return CliApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, errorInteractive: !Console.IsErrorRedirected);
    }
}
