namespace Research.Notebooks.Tests.Runner;

/// <summary>The least number of Plotly figures and images each notebook shows in quick mode (runner and Jupyter alike).</summary>
public static class NotebookExpectations
{
    public static TheoryData<string, int, int> FiguresAndImages => new()
    {
        { "01-datasets-and-datasheets", 8, 4 },
        { "02-preprocessing", 2, 6 },
        { "03-augmentation-113-fold", 0, 4 },
        { "04-training", 4, 0 },
        { "05-evaluation-and-metric-plots", 3, 2 },
        { "06-reproduce-figure", 4, 0 },
        { "07-instance-models", 2, 2 },
        { "08-sam-fine-tuning", 2, 4 },
        { "09-objects-and-metadata", 3, 1 },
        { "10-reproduce-bh2019", 5, 8 }, // the fifth: the recorded amplification comparison
        { "workshop-1-metrics-by-hand", 0, 1 },
        { "workshop-2-augment-and-train", 2, 1 },
    };
}
