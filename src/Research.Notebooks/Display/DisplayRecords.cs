using Research.Imaging;

namespace Research.Notebooks.Display;

/// <summary>An image with the outlines of its labelled objects drawn on it, each object in its own colour.</summary>
/// <param name="Image">The image (any pixel type; shown as 8-bit RGB).</param>
/// <param name="Labels">Instance labels of the same size (0 = background).</param>
/// <param name="Caption">Shown under the image; null for none.</param>
public sealed record Overlay(IImage Image, Image<ushort> Labels, string? Caption = null);

/// <summary>Items shown side by side (each through its own formatter), wrapping when the row is full.</summary>
/// <param name="Items">Images, overlays, figures, tables, text ...</param>
public sealed record SideBySide(params object[] Items);

/// <summary>HTML shown as it is.</summary>
/// <param name="Html">The HTML fragment.</param>
public sealed record HtmlContent(string Html);

/// <summary>Markdown rendered to HTML (CommonMark with tables).</summary>
/// <param name="Text">The Markdown text.</param>
public sealed record MarkdownContent(string Text);
