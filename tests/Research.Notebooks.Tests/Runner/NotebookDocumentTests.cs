using Research.Notebooks.Runner;

namespace Research.Notebooks.Tests.Runner;

public sealed class NotebookDocumentTests
{
    [Fact]
    public void Reads_cells_sources_and_tags()
    {
        var doc = NotebookDocument.Parse("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# T\n", "text"]},
              {"cell_type": "code", "id": "b", "metadata": {"tags": ["parameters"]}, "source": "var quick = false;", "outputs": [], "execution_count": null}
            ]}
            """, "x.ipynb");
        Assert.Equal(2, doc.Cells.Count);
        Assert.Equal("# T\ntext", doc.Cells[0].Source);
        Assert.Equal(CellKind.Code, doc.Cells[1].Kind);
        Assert.Equal(["parameters"], doc.Cells[1].Tags);
        Assert.Equal("var quick = false;", doc.Cells[1].FirstLine);
    }

    [Theory]
    [InlineData("{\"nbformat\": 4, \"cells\": [", "x.ipynb: not valid JSON")]
    [InlineData("[1, 2]", "x.ipynb: not a notebook")]
    [InlineData("{\"nbformat\": 3, \"worksheets\": []}", "x.ipynb: not an nbformat 4 notebook: 'nbformat' is 3")]
    [InlineData("{\"nbformat\": 4, \"cells\": {}}", "x.ipynb: not an nbformat 4 notebook: 'cells'")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"python\"}]}", "x.ipynb: cell 1 has cell_type 'python'")]
    public void Invalid_files_are_named(string json, string expected)
    {
        var e = Assert.Throws<InputException>(() => NotebookDocument.Parse(json, "x.ipynb"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_keep_their_newlines_except_the_last()
    {
        Assert.Equal(["a\n", "b\n", "c"], NotebookDocument.Lines("a\nb\nc").Select(n => (string)n!).ToArray());
        Assert.Empty(NotebookDocument.Lines(""));
    }
}
