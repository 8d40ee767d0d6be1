namespace Research.Torch.Training;

/// <summary>What the schedule and early stopping remember between epochs (saved in every checkpoint).</summary>
/// <param name="LearningRate">The rate for the next epoch.</param>
/// <param name="BestValidationLoss">The best validation loss so far (infinity before the first epoch).</param>
/// <param name="EpochsSinceBest">Epochs since the best validation loss (early stopping).</param>
/// <param name="PlateauEpochs">Epochs without improvement since the last plateau reduction.</param>
public sealed record ScheduleState(double LearningRate, double BestValidationLoss, int EpochsSinceBest, int PlateauEpochs)
{
    /// <summary>The state before the first epoch.</summary>
    public static ScheduleState Initial(TrainingOptions options) => new(options.LearningRate, double.PositiveInfinity, 0, 0);
}

/// <summary>
/// The learning-rate schedules and early stopping as a pure function of (options, state, completed epoch,
/// validation loss), so the state in a checkpoint is all a resumed run needs.
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>The state after epoch <paramref name="epoch"/> (1-based) ended with <paramref name="validationLoss"/>.</summary>
    public static ScheduleState After(TrainingOptions options, ScheduleState state, int epoch, double validationLoss)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        bool improved = validationLoss < state.BestValidationLoss;
        double best = improved ? validationLoss : state.BestValidationLoss;
        int sinceBest = improved ? 0 : state.EpochsSinceBest + 1;
        int plateau = improved ? 0 : state.PlateauEpochs + 1;
        double lr = state.LearningRate;
        switch (options.Schedule)
        {
            case ScheduleKind.Plateau when plateau > options.PlateauPatience:
                lr = Math.Max(options.MinLearningRate, lr * options.ScheduleFactor);
                plateau = 0;
                break;
            case ScheduleKind.Step:
                lr = options.LearningRate * Math.Pow(options.ScheduleFactor, epoch / options.StepEpochs);
                break;
            case ScheduleKind.Cosine:
                lr = Cosine(options, epoch);
                break;
        }
        return new ScheduleState(lr, best, sinceBest, plateau);
    }

    /// <summary>
    /// The state a resumed run continues from after <paramref name="completedEpochs"/>: the saved state, with the next
    /// epoch's rate recomputed where the schedule depends on the number of epochs (cosine), so that
    /// <c>--resume --epochs N</c> follows the schedule of an N-epoch run from the next epoch on. The saved rate was
    /// computed for the epoch count the run had then. Plateau (a function of the loss history), step and constant keep it.
    /// </summary>
    public static ScheduleState Resumed(TrainingOptions options, ScheduleState saved, int completedEpochs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(saved);
        return options.Schedule == ScheduleKind.Cosine ? saved with { LearningRate = Cosine(options, completedEpochs) } : saved;
    }

    private static double Cosine(TrainingOptions options, int epoch) =>
        options.MinLearningRate + 0.5 * (options.LearningRate - options.MinLearningRate) * (1 + Math.Cos(Math.PI * epoch / options.Epochs));

    /// <summary>True when early stopping ends the run after this state.</summary>
    public static bool ShouldStop(TrainingOptions options, ScheduleState state) =>
        options.EarlyStoppingPatience > 0 && state.EpochsSinceBest >= options.EarlyStoppingPatience;
}
