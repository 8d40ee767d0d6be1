#nullable enable
using System;
using System.IO;

// MSBuild inline task (RoslynCodeTaskFactory), see PlotlyJs.targets.
// Copies one manifest resource out of a .NET assembly into a file. The assembly is loaded from its bytes
// (no file lock, no dependency resolution, none of its code runs): reading a manifest resource needs only
// its metadata. System.Reflection.Metadata's PEReader would avoid the load, but RoslynCodeTaskFactory
// compiles against netstandard 2.0, which does not include it.
public class ExtractManifestResource : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required]
    public string AssemblyPath { get; set; } = "";

    [Microsoft.Build.Framework.Required]
    public string ResourceName { get; set; } = "";

    [Microsoft.Build.Framework.Required]
    public string OutputPath { get; set; } = "";

    public override bool Execute()
    {
        if (!File.Exists(AssemblyPath))
        {
            Log.LogError($"{AssemblyPath} is missing: run 'dotnet restore' (the package that ships {ResourceName} was not restored).");
            return false;
        }
        var assembly = System.Reflection.Assembly.Load(File.ReadAllBytes(AssemblyPath));
        using Stream? resource = assembly.GetManifestResourceStream(ResourceName);
        if (resource == null)
        {
            Log.LogError($"{AssemblyPath} has no resource {ResourceName}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}.");
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputPath))!);
        string temporary = OutputPath + ".tmp";
        using (var output = File.Create(temporary)) resource.CopyTo(output);
        File.Copy(temporary, OutputPath, overwrite: true);
        File.Delete(temporary);
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"{ResourceName} of {AssemblyPath} -> {OutputPath}");
        return true;
    }
}
