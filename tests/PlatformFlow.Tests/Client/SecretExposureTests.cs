using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Sessions;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// A signed-in context is a PowerShell object users inspect (<c>Format-List *</c>, <c>ConvertTo-Json -Depth</c>):
    /// no public property reachable from it may hold the access token or the client secret.
    /// </summary>
    public sealed class SecretExposureTests
    {
        private const string Token = "eyJ-access-token-never-shown";
        private const string Secret = "client-secret-never-shown";
        private const int Depth = 8;

        public static TheoryData<string> Kinds() => new TheoryData<string> { "AccessToken", "OAuthServerToServer" };

        [Theory]
        [MemberData(nameof(Kinds))]
        public void No_public_property_of_a_context_reveals_a_secret(string kind)
        {
            var options = new PlatformClientOptions { BaseUri = new Uri("https://platform.example"), OrgId = "ORG@AdobeOrg", ApiKey = "client-id" };
            if (kind == "AccessToken")
            {
                options.AccessToken = Token;
            }
            else
            {
                options.Credentials = new ImsCredentials("client-id", Secret);
            }

            using var context = new PlatformContext(new PlatformClient(options), "Production", kind, DateTimeOffset.UtcNow);

            var texts = PublicTexts(context).ToList();

            Assert.Contains(texts, t => t.Contains("ORG@AdobeOrg"));
            Assert.DoesNotContain(texts, t => t.Contains(Token) || t.Contains(Secret));
        }

        /// <summary>Every string and ToString() reachable through public instance properties, as a serializer would walk them.</summary>
        private static IEnumerable<string> PublicTexts(object root)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<(object Value, int Depth)>();
            pending.Push((root, 0));
            while (pending.Count > 0)
            {
                var (value, depth) = pending.Pop();
                if (value is string text)
                {
                    yield return text;
                    continue;
                }

                if (value is Delegate || value.GetType().IsPrimitive || !seen.Add(value))
                {
                    continue;
                }

                yield return value.ToString() ?? string.Empty;
                if (depth == Depth)
                {
                    continue;
                }

                var children = value is IEnumerable items && !(value is IDictionary)
                    ? items.Cast<object?>()
                    : value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .Select(p => Read(p, value));
                foreach (var child in children.Where(c => c != null))
                {
                    pending.Push((child!, depth + 1));
                }
            }
        }

        private static object? Read(PropertyInfo property, object owner)
        {
            try
            {
                return property.GetValue(owner);
            }
            catch (TargetInvocationException)
            {
                // A getter that throws shows nothing.
                return null;
            }
        }
    }
}
