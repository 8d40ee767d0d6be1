namespace Research.Torch.Training;

/// <summary>The <c>state.json</c> of a checkpoint: where training stands and what the binary files must match.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="Model">The model's registry name.</param>
/// <param name="BaseFilters">The model's base filters.</param>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Optimizer">The optimiser.</param>
/// <param name="Schedule">Learning-rate schedule and early-stopping state after <paramref name="Epoch"/>.</param>
/// <param name="ModelSha256">SHA-256 of <c>model.bin</c>.</param>
/// <param name="OptimizerSha256">SHA-256 of <c>optimizer.bin</c>.</param>
public sealed record CheckpointState(int Epoch, string Model, int BaseFilters, int InChannels, int OutChannels, long Parameters,
    OptimizerKind Optimizer, ScheduleState Schedule, string ModelSha256 = "", string OptimizerSha256 = "");
