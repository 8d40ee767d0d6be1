using Research.Notebooks.Setup;
using Research.Notebooks.Tests.Runner;

namespace Research.Notebooks.Tests.Jupyter;

/// <summary>Every notebook, executed by Jupyter itself (nbclient + the .net-csharp kernel), in quick mode.</summary>
public sealed class JupyterNotebooksTests(JupyterNotebooks jupyter) : IClassFixture<JupyterNotebooks>
{
    [Fact]
    public void Every_notebook_runs_in_Jupyter_without_an_error_output()
    {
        Assert.True(jupyter.Runs.Count >= 8, $"only {jupyter.Runs.Count} notebooks ran");
        foreach (var run in jupyter.Runs)
        {
            Assert.True(run.Injected, $"{run.Name}: no cell tagged 'parameters' to inject quick = true after");
            Assert.True(run.Failed is null && run.Errors.Count == 0, $"{run.Name} failed in Jupyter: {run.Failed} {string.Join(" | ", run.Errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(NotebookExpectations.FiguresAndImages), MemberType = typeof(NotebookExpectations))]
    public void Each_notebook_shows_its_figures_and_images_in_Jupyter(string name, int figures, int images)
    {
        var run = jupyter.Of(name);
        Assert.True(run.Figures >= figures, $"{name}: {run.Figures} Plotly figures in Jupyter, expected at least {figures}");
        Assert.True(run.Images >= images, $"{name}: {run.Images} images in Jupyter, expected at least {images}");
    }

    [Fact]
    public void The_set_up_is_quiet_and_changes_nothing_when_everything_is_in_place()
    {
        // The fixture ran the set-up; a second run finds the library, the tool and the kernelspec in place.
        var actions = new List<string>();
        NotebookSetup.Run(new NotebookSetupOptions { RepositoryRoot = Research.Tests.TestSupport.Repository.Root() }, actions.Add);
        Assert.Empty(actions);
    }

    [Fact]
    public void TorchSharp_loads_in_the_kernel_whose_host_lives_elsewhere()
    {
        // 04 trains a U-Net: libtorch must be found beside the TorchSharp assembly in notebooks/.lib, not beside the
        // kernel tool (~/.dotnet/tools/...), which holds no libtorch.
        var run = jupyter.Of("04-training");
        Assert.True(run.Failed is null, run.Failed);
        Assert.DoesNotContain(run.Errors, e => e.Contains("TorchUnavailableException", StringComparison.Ordinal));
        Assert.True(run.Figures >= 4, "04-training drew no learning curves: training did not run");
    }
}
