namespace Research.Torch.Training;

/// <summary>Command-line names of the training enums; unknown names list the valid ones.</summary>
public static class Names
{
    private static readonly (string Name, OptimizerKind Kind)[] Optimizers = [("adam", OptimizerKind.Adam), ("rmsprop", OptimizerKind.Rmsprop), ("sgd", OptimizerKind.Sgd)];
    private static readonly (string Name, ScheduleKind Kind)[] Schedules = [("constant", ScheduleKind.Constant), ("plateau", ScheduleKind.Plateau), ("step", ScheduleKind.Step), ("cosine", ScheduleKind.Cosine)];
    private static readonly (string Name, AugmentKind Kind)[] Augments = [("none", AugmentKind.None), ("random", AugmentKind.Random), ("fold113", AugmentKind.Fold113)];

    private static readonly (string Name, InputColour Kind)[] Colours = [("grey", InputColour.Grey), ("rgb", InputColour.Rgb)];
    private static readonly (string Name, InputScaling Kind)[] Scalings = [("percentile", InputScaling.Percentile), ("minmax", InputScaling.MinMax), ("zscore", InputScaling.ZScore), ("type-range", InputScaling.TypeRange)];

    /// <summary>Parses a colour mode name (grey, rgb).</summary>
    public static InputColour Colour(string name) => Find(Colours, name, "colour mode");

    /// <summary>Parses an input scaling name (percentile, minmax, zscore, type-range).</summary>
    public static InputScaling Scaling(string name) => Find(Scalings, name, "normalisation");

    /// <summary>Parses an optimiser name.</summary>
    public static OptimizerKind Optimizer(string name) => Find(Optimizers, name, "optimizer");

    /// <summary>Parses a schedule name.</summary>
    public static ScheduleKind Schedule(string name) => Find(Schedules, name, "schedule");

    /// <summary>Parses an augmentation name.</summary>
    public static AugmentKind Augment(string name) => Find(Augments, name, "augmentation");

    /// <summary>The valid optimiser names.</summary>
    public static IReadOnlyList<string> OptimizerNames => Optimizers.Select(e => e.Name).ToArray();

    private static T Find<T>((string Name, T Kind)[] entries, string name, string what)
    {
        foreach (var (n, kind) in entries) if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new InputException($"Unknown {what} '{name}'. Available: {string.Join(", ", entries.Select(e => e.Name))}.");
    }
}
