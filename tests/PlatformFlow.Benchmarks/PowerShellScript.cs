using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// Runs one of the benchmark's scripts (<c>Scripts/</c>) in real PowerShell (<c>dotnet pwsh</c>, the repository's
    /// tool) against the built module (<c>out/PlatformFlow</c>), and reads the JSON objects it writes, one per line.
    /// </summary>
    public static class PowerShellScript
    {
        /// <summary>The repository's root: the folder holding PlatformFlow.sln, above this program.</summary>
        public static string RepositoryRoot
        {
            get
            {
                for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
                {
                    if (File.Exists(Path.Combine(folder.FullName, "PlatformFlow.sln")))
                    {
                        return folder.FullName;
                    }
                }

                throw new InvalidOperationException("PlatformFlow.sln was not found above " + AppContext.BaseDirectory + ".");
            }
        }

        public static string ModulePath
        {
            get
            {
                var path = Path.Combine(RepositoryRoot, "out", "PlatformFlow", "PlatformFlow.psd1");
                return File.Exists(path) ? path : throw new InvalidOperationException("The module is not built (" + path + "): run dotnet build PlatformFlow.sln -c Release first.");
            }
        }

        /// <summary>
        /// Runs <c>Scripts/<paramref name="script"/></c> with <c>-ModulePath</c> and the given parameters (a null value: a
        /// switch); its JSON lines, parsed.
        /// </summary>
        public static IReadOnlyList<JsonElement> Run(string script, params (string Name, object? Value)[] parameters) =>
            RunWithModule(script, ModulePath, parameters);

        /// <summary>As <see cref="Run"/>, with another module than PlatformFlow as <c>-ModulePath</c>.</summary>
        public static IReadOnlyList<JsonElement> RunWithModule(string script, string modulePath, params (string Name, object? Value)[] parameters)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "Scripts", script), "-ModulePath", modulePath })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in parameters)
            {
                start.ArgumentList.Add("-" + name);
                if (value != null)
                {
                    start.ArgumentList.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet pwsh did not start.");
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(script + " exited with " + process.ExitCode + ": " + errors.Result.Trim());
            }

            return output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("{", StringComparison.Ordinal))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone())
                .ToList();
        }
    }
}
