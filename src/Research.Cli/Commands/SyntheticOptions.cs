using System.CommandLine;
using Research.Datasets.Synthetic;

namespace Research.Cli.Commands;

/// <summary>The options that describe a synthetic dataset, shared by <c>datasets synth</c> and <c>quickstart</c>.</summary>
public sealed class SyntheticOptions
{
    private static readonly SyntheticNucleiOptions Defaults = new();

    /// <summary>--count: number of images.</summary>
    public Option<int> Count { get; } = new("--count") { Description = $"Number of images (default {Defaults.Count}).", DefaultValueFactory = _ => Defaults.Count };

    /// <summary>--size: image width and height.</summary>
    public Option<int> Size { get; } = new("--size") { Description = $"Width and height in pixels, at least 32 (default {Defaults.Size}).", DefaultValueFactory = _ => Defaults.Size };

    /// <summary>--seed: the seed.</summary>
    public Option<ulong> Seed { get; } = new("--seed") { Description = $"Seed; the same seed gives byte-identical files (default {Defaults.Seed}).", DefaultValueFactory = _ => Defaults.Seed };

    /// <summary>--bits: 8 or 16.</summary>
    public Option<int> Bits { get; } = new("--bits") { Description = "Bits per image sample: 8 or 16 (default 8).", DefaultValueFactory = _ => 8 };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Count);
        command.Options.Add(Size);
        command.Options.Add(Seed);
        command.Options.Add(Bits);
    }

    /// <summary>Reads the parsed values into generator options (validated by the library).</summary>
    public SyntheticNucleiOptions Read(ParseResult parse)
    {
        int bits = parse.GetValue(Bits);
        if (bits is not (8 or 16)) throw new InputException($"--bits must be 8 or 16, got {bits}.");
        return new SyntheticNucleiOptions
        {
            Count = parse.GetValue(Count),
            Size = parse.GetValue(Size),
            Seed = parse.GetValue(Seed),
            Depth = bits == 16 ? SampleDepth.Sixteen : SampleDepth.Eight,
        };
    }

    /// <summary>Reads the parsed values into time-lapse generator options (<c>datasets synth --layout ctc</c>; validated by the library).</summary>
    public SyntheticTimelapseOptions ReadTimelapse(ParseResult parse)
    {
        var nuclei = Read(parse);
        return new SyntheticTimelapseOptions { Count = nuclei.Count, Size = nuclei.Size, Seed = nuclei.Seed, Depth = nuclei.Depth };
    }
}
