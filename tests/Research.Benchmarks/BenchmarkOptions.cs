namespace Research.Benchmarks;

/// <summary>The harness's command-line options.</summary>
/// <param name="Filter">Only cases whose name contains this (case-insensitive). The default is null: all cases.</param>
/// <param name="OutputDirectory">Where results.json and results.md go. The default is "bench-results".</param>
/// <param name="Quick">Fewer warm-up and measured runs (<see cref="Harness.RunCounts.Quick"/>). The default is false.</param>
/// <param name="Python">The interpreter for the reference scripts. The default is /usr/bin/python3 (Debian's).</param>
public sealed record BenchmarkOptions(string? Filter, string OutputDirectory, bool Quick, string Python)
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        """
        Usage: dotnet run -c Release --project tests/Research.Benchmarks -- [options]

          --filter SUBSTRING  run only cases whose name contains SUBSTRING (case-insensitive)
          --out DIR           write results.json and results.md into DIR (default: bench-results)
          --quick             fewer runs (1 warm-up + 5 measured instead of 3 + 20)
          --python PATH       Python interpreter for tests/reference/*.py (default: /usr/bin/python3)
          --list              list the cases and exit
          --help              show this text

        Exit codes: 0 all ran and every target is met, 1 a target is not met or a reference failed, 2 bad usage.
        """;

    /// <summary>Parses the arguments; throws <see cref="InputException"/> with a one-line explanation on bad usage.</summary>
    public static (BenchmarkOptions Options, bool List, bool Help) Parse(IReadOnlyList<string> args)
    {
        string? filter = null, python = null, output = null;
        bool quick = false, list = false, help = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--filter": filter = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--python": python = Value(args, ref i); break;
                case "--quick": quick = true; break;
                case "--list": list = true; break;
                case "--help" or "-h": help = true; break;
                default: throw new InputException($"Unknown argument '{args[i]}'. Use --help to see the options.");
            }
        }
        return (new BenchmarkOptions(filter, output ?? "bench-results", quick, python ?? "/usr/bin/python3"), list, help);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new InputException($"{args[i]} needs a value. Use --help to see the options.");
        }
        return args[++i];
    }
}
