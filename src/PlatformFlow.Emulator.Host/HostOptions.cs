using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Host
{
    /// <summary>The standalone host's command line.</summary>
    public sealed class HostOptions
    {
        public const string Usage =
            "PlatformFlow emulator: the Flow Service, Schema Registry, Catalog, Data Prep, Data Access and IMS on one loopback port.\n"
            + "Runs ingest the seeded Shopify records; plan a fault no data causes with\n"
            + "POST /emulator/flows/{flowId}/plannedFailures {\"code\", \"message\", \"runs\"} (the platform's headers).\n"
            + "\n"
            + "Options:\n"
            + "  --port <n>               Port on 127.0.0.1 (0 = pick a free one). Default 5055.\n"
            + "  --sandbox <a,b>          Sandbox names (lower case). Default prod,dev.\n"
            + "  --client-id <id>         Issue tokens only to this client id and its secret, and enforce them. The secret is\n"
            + "                           read from the environment variable " + ClientSecretVariable + "\n"
            + "                           or from --client-secret-file, never from the command line (the process list shows it).\n"
            + "  --client-secret-file <path>  A file holding the client secret (its first line).\n"
            + "  --tenant <id>            Tenant id in schema ids (https://ns.adobe.com/<id>/schemas/...). Default platformflow.\n"
            + "  --throttle-rate <0..1>   Share of requests answered 429 with Retry-After.\n"
            + "  --unavailable-rate <0..1> Share of requests answered 503.\n"
            + "  --reset-before-rate <0..1> Share of requests whose connection is dropped before they are applied.\n"
            + "  --reset-after-rate <0..1> Share of requests whose connection is dropped after they are applied.\n"
            + "  --retry-after <seconds>  Retry-After of injected 429s. Default 1.\n"
            + "  --allowed-rate <n>       Requests admitted per second; the rest answered 429 with Retry-After.\n"
            + "  --latency-ms <ms>        Delay added to every request.\n"
            + "  --run-queued <seconds>   How long a new run stays QUEUED. Default 10.\n"
            + "  --run-duration <seconds> How long a run stays IN_PROGRESS before it ends. Default 60.\n"
            + "  --token-lifetime <seconds> How long an issued token is accepted. Default 86400 (a day).\n"
            + "  --seed <n>               Seed of the fault draw, to repeat a rehearsal exactly.\n"
            + "  --help                   Show this text.";

        /// <summary>The environment variable the client secret is read from (with --client-id).</summary>
        public const string ClientSecretVariable = "PLATFORMFLOW_EMULATOR_CLIENT_SECRET";

        public int Port { get; private set; } = 5055;

        public bool ShowHelp { get; private set; }

        public EmulatorOptions Emulator { get; } = new EmulatorOptions();

        /// <summary>Reads the arguments; a <see cref="FormatException"/> says which one is wrong.</summary>
        /// <param name="args">The command line.</param>
        /// <param name="environment">Reads an environment variable; the process's own when null.</param>
        public static HostOptions Parse(string[] args, Func<string, string?>? environment = null)
        {
            var options = new HostOptions();
            string? clientId = null;
            string? clientSecretFile = null;
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name == "--help" || name == "-h")
                {
                    options.ShowHelp = true;
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    throw new FormatException(name.StartsWith("--", StringComparison.Ordinal) ? name + " needs a value." : "Unknown argument '" + name + "' (see --help).");
                }

                var value = args[++i];
                switch (name)
                {
                    case "--port":
                        options.Port = Number(name, value, 0, 65535);
                        break;
                    case "--sandbox":
                        var sandboxes = value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
                        if (sandboxes.Length == 0 || sandboxes.Any(s => s != s.ToLowerInvariant()))
                        {
                            throw new FormatException("--sandbox takes lower-case names separated by commas, e.g. prod,dev.");
                        }

                        options.Emulator.Sandboxes = sandboxes;
                        break;
                    case "--client-id":
                        clientId = value;
                        break;
                    case "--client-secret":
                        throw new FormatException("--client-secret would show the secret in the process list; set " + ClientSecretVariable + " or use --client-secret-file.");
                    case "--client-secret-file":
                        clientSecretFile = value;
                        break;
                    case "--tenant":
                        options.Emulator.TenantId = value;
                        break;
                    case "--throttle-rate":
                        options.Emulator.Faults.ThrottleRate = Rate(name, value);
                        break;
                    case "--unavailable-rate":
                        options.Emulator.Faults.UnavailableRate = Rate(name, value);
                        break;
                    case "--reset-before-rate":
                        options.Emulator.Faults.ResetBeforeRate = Rate(name, value);
                        break;
                    case "--reset-after-rate":
                        options.Emulator.Faults.ResetAfterRate = Rate(name, value);
                        break;
                    case "--retry-after":
                        options.Emulator.Faults.RetryAfterSeconds = Number(name, value, 0, 3600);
                        break;
                    case "--allowed-rate":
                        options.Emulator.Faults.AllowedRate = Number(name, value, 0, 1000000);
                        break;
                    case "--latency-ms":
                        options.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(Number(name, value, 0, 600000));
                        break;
                    case "--run-queued":
                        options.Emulator.RunQueuedFor = TimeSpan.FromSeconds(Number(name, value, 0, 86400));
                        break;
                    case "--run-duration":
                        options.Emulator.RunDuration = TimeSpan.FromSeconds(Number(name, value, 0, 86400));
                        break;
                    case "--token-lifetime":
                        options.Emulator.TokenLifetime = TimeSpan.FromSeconds(Number(name, value, 1, 86400 * 7));
                        break;
                    case "--seed":
                        options.Emulator.Faults.Seed = Number(name, value, int.MinValue, int.MaxValue);
                        break;
                    default:
                        throw new FormatException("Unknown option '" + name + "' (see --help).");
                }
            }

            if (clientId != null)
            {
                options.Emulator.Credentials = new EmulatorCredentials(clientId, ClientSecret(clientSecretFile, environment ?? Environment.GetEnvironmentVariable));
            }
            else if (clientSecretFile != null)
            {
                throw new FormatException("--client-secret-file needs --client-id.");
            }

            if (options.Emulator.Faults.TotalRate > 1)
            {
                throw new FormatException("--throttle-rate, --unavailable-rate, --reset-before-rate and --reset-after-rate add up to more than 1.");
            }

            return options;
        }

        /// <summary>The secret from the file when one is named, else from <see cref="ClientSecretVariable"/>; never echoed.</summary>
        private static string ClientSecret(string? file, Func<string, string?> environment)
        {
            string? secret;
            if (file != null)
            {
                try
                {
                    secret = File.ReadLines(file).FirstOrDefault();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
                {
                    throw new FormatException("--client-secret-file: cannot read " + file + " (" + ex.GetType().Name + ").");
                }
            }
            else
            {
                secret = environment(ClientSecretVariable);
            }

            return string.IsNullOrWhiteSpace(secret)
                ? throw new FormatException("--client-id needs its secret in " + ClientSecretVariable + " or in the first line of --client-secret-file.")
                : secret!.Trim();
        }

        private static int Number(string name, string value, int min, int max) =>
            int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw new FormatException(name + " takes a whole number from " + min + " to " + max + ", not '" + value + "'.");

        private static double Rate(string name, string value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate >= 0 && rate <= 1
                ? rate
                : throw new FormatException(name + " takes a share from 0 to 1, not '" + value + "'.");
    }
}
