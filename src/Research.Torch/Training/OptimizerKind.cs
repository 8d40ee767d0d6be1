namespace Research.Torch.Training;

/// <summary>Optimisers the trainer can use.</summary>
public enum OptimizerKind
{
    /// <summary><c>adam</c>: Adam (Kingma and Ba 2015), betas 0.9 and 0.999.</summary>
    Adam,
    /// <summary><c>rmsprop</c>: RMSprop, alpha 0.99.</summary>
    Rmsprop,
    /// <summary><c>sgd</c>: stochastic gradient descent with momentum (<see cref="TrainingOptions.Momentum"/>).</summary>
    Sgd,
}

/// <summary>Learning-rate schedules.</summary>
public enum ScheduleKind
{
    /// <summary><c>constant</c>: the learning rate never changes.</summary>
    Constant,
    /// <summary><c>plateau</c>: multiply by the factor when the validation loss has not improved for the patience.</summary>
    Plateau,
    /// <summary><c>step</c>: multiply by gamma every step-size epochs.</summary>
    Step,
    /// <summary><c>cosine</c>: cosine annealing from the initial rate to the minimum over all epochs.</summary>
    Cosine,
}
