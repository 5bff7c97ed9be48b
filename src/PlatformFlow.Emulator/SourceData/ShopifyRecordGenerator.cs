using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// The records of the seeded Shopify tables: the explore preview rows first, then records drawn from realistic pools
    /// (<see cref="Locale"/>), each from its own seeded sequence, with flaws at fixed rates. docs/emulator.md states the
    /// sizes and the exact count of every flaw per column (a test holds the two together).
    /// </summary>
    internal static class ShopifyRecordGenerator
    {
        public const int OrderCount = 1000;
        public const int CustomerCount = 800;
        public const int ProductCount = 200;

        private const double IdStep = 32768;
        private const double FirstOrderId = 2713908674629;
        private const double FirstCustomerId = 3865731137605;
        private const double FirstProductId = 5958439174213;

        private static readonly string[] EmailDomains = { "example.com", "mail.example.net", "example.org", "shop.example.co.uk" };
        private static readonly string[] FinancialStatuses = { "paid", "paid", "paid", "pending", "refunded", "partially_refunded", "authorized", "voided" };
        private static readonly (string Name, string Ascii)[] ProductWords = { ("Organic", "organic"), ("Hand-thrown", "hand-thrown"), ("Recycled", "recycled"), ("Crème", "creme"), ("Nordic", "nordic"), ("Waxed", "waxed") };
        private static readonly (string Name, string Ascii)[] ProductNouns = { ("Cotton Tee", "cotton-tee"), ("Café Mug", "cafe-mug"), ("Pour-Over Set", "pour-over-set"), ("Running Socks", "running-socks"), ("Tote Bag", "tote-bag"), ("Brûlée Torch", "brulee-torch"), ("Notebook", "notebook") };
        private static readonly string[] Vendors = { "Northwind", "Fabrikam", "Contoso", "Müller & Söhne", "Ateliê Araújo", "Tailspin" };
        private static readonly string[] ProductTypes = { "Apparel", "Kitchen", "Outdoor", "Stationery", "Home" };

        private static readonly DateTime OrdersFrom = new DateTime(2020, 11, 7, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime CustomersFrom = new DateTime(2020, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime ProductsFrom = new DateTime(2020, 9, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The table's record set, or null for a table this generator does not know.</summary>
        public static SourceRecordSet? Generate(string table, IReadOnlyList<JsonObject> preview)
        {
            switch (table)
            {
                case "Shopify.Orders": return Build(table, preview, OrderCount, 0x5EED0001UL, Order);
                case "Shopify.Customers": return Build(table, preview, CustomerCount, 0x5EED0002UL, Customer);
                case "Shopify.Products": return Build(table, preview, ProductCount, 0x5EED0003UL, Product);
                default: return null;
            }
        }

        /// <summary>The preview rows as they are (their nulls noted as empty values), then generated records, then every non-ASCII value noted.</summary>
        internal static SourceRecordSet Build(string table, IReadOnlyList<JsonObject> preview, int size, ulong seed, Action<RecordDraft, int> fill)
        {
            var records = new List<JsonObject>(size);
            var imperfections = new List<Imperfection>();
            for (var row = 0; row < size; row++)
            {
                if (row < preview.Count)
                {
                    var copy = new JsonObject(preview[row].Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
                    imperfections.AddRange(copy.Where(p => p.Value is null).Select(p => new Imperfection(row, p.Key, ImperfectionKinds.Empty)));
                    records.Add(copy);
                    continue;
                }

                var draft = new RecordDraft(row, new SeededRandom(unchecked((seed * 1000003UL) + (ulong)row)), imperfections);
                fill(draft, row);
                records.Add(draft.Record);
            }

            for (var row = 0; row < records.Count; row++)
            {
                imperfections.AddRange(records[row]
                    .Where(p => p.Value is JsonValue value && value.TryGetValue<string>(out var text) && text.Any(c => c > 127))
                    .Select(p => new Imperfection(row, p.Key, ImperfectionKinds.NonAscii)));
            }

            return new SourceRecordSet(table, records, imperfections.OrderBy(i => i.Row).ToList());
        }

        private static void Order(RecordDraft draft, int row)
        {
            var random = draft.Random;
            var locale = random.Pick(Locale.All);
            var first = random.Pick(locale.FirstNames);
            var last = random.Pick(locale.LastNames);
            var phone = Phone(random, locale);
            draft.Set("Id", FirstOrderId + (row * IdStep));
            draft.Set("Email", Email(draft, "Email", first.Ascii, last.Ascii, 0.02, 0.04));
            draft.Set("Phone", PhoneValue(draft, "Phone", phone, 0.08, 0.03));
            draft.Set("Shipping_Address_Phone", PhoneValue(draft, "Shipping_Address_Phone", random.NextDouble() < 0.7 ? phone : Phone(random, locale), 0.01, 0.02));
            draft.Set("Shipping_Address_City", random.Pick(locale.Cities));
            draft.Set("Shipping_Address_Country_Code", locale.CountryCode);
            draft.Set("Customer_Id", FirstCustomerId + (random.Next(CustomerCount) * IdStep));
            draft.Set("Total_Price", Price(draft, "Total_Price", locale, 0.03));
            draft.Set("Currency", locale.Currency);
            draft.Set("Financial_Status", random.Pick(FinancialStatuses));
            var created = OrdersFrom.AddHours(3 * row).AddMinutes(random.Next(180)).AddSeconds(random.Next(60));
            draft.Set("Created_At", Date(draft, "Created_At", created, 0.02));
            draft.Set("Updated_At", Date(draft, "Updated_At", created.AddMinutes(random.Next(3 * 24 * 60)), 0.01));
        }

        private static void Customer(RecordDraft draft, int row)
        {
            var random = draft.Random;
            var locale = random.Pick(Locale.All);
            var first = random.Pick(locale.FirstNames);
            var last = random.Pick(locale.LastNames);
            draft.Set("Id", FirstCustomerId + (row * IdStep));
            draft.Set("Email", Email(draft, "Email", first.Ascii, last.Ascii, 0.02, 0.05));
            draft.Set("First_Name", draft.Flawed("First_Name", ImperfectionKinds.Empty, 0.03) ? null : first.Name);
            draft.Set("Last_Name", draft.Flawed("Last_Name", ImperfectionKinds.Empty, 0.01) ? null : last.Name);
            draft.Set("Phone", PhoneValue(draft, "Phone", Phone(random, locale), 0.10, 0.04));
            draft.Set("Accepts_Marketing", random.NextDouble() < 0.6);
            var orders = random.Between(0, 40);
            draft.Set("Orders_Count", draft.Flawed("Orders_Count", ImperfectionKinds.NumberAsText, 0.05) ? JsonValue.Create(orders.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create((double)orders));
            draft.Set("Created_At", Date(draft, "Created_At", CustomersFrom.AddHours(8 * row).AddMinutes(random.Next(480)), 0.02));
        }

        private static void Product(RecordDraft draft, int row)
        {
            var random = draft.Random;
            var word = random.Pick(ProductWords);
            var noun = random.Pick(ProductNouns);
            draft.Set("Id", FirstProductId + (row * IdStep));
            draft.Set("Title", word.Name + " " + noun.Name);
            draft.Set("Vendor", draft.Flawed("Vendor", ImperfectionKinds.Empty, 0.02) ? null : random.Pick(Vendors));
            draft.Set("Product_Type", draft.Flawed("Product_Type", ImperfectionKinds.Empty, 0.05) ? null : random.Pick(ProductTypes));
            draft.Set("Handle", word.Ascii + "-" + noun.Ascii + "-" + row.ToString(CultureInfo.InvariantCulture));
            draft.Set("Created_At", Date(draft, "Created_At", ProductsFrom.AddDays(row).AddMinutes(random.Next(1440)), 0.03));
        }

        private static string? Email(RecordDraft draft, string column, string first, string last, double emptyRate, double malformedRate)
        {
            if (draft.Flawed(column, ImperfectionKinds.Empty, emptyRate))
            {
                return null;
            }

            var random = draft.Random;
            var local = first + "." + last + (random.Next(3) == 0 ? random.Between(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty);
            var domain = random.Pick(EmailDomains);
            if (!draft.Flawed(column, ImperfectionKinds.MalformedEmail, malformedRate))
            {
                return local + "@" + domain;
            }

            switch (random.Next(5))
            {
                case 0: return local + "." + domain;
                case 1: return local + "@" + domain.Substring(0, domain.IndexOf('.'));
                case 2: return first + " " + last + "@" + domain;
                case 3: return local + "@@" + domain;
                default: return local + ".@" + domain;
            }
        }

        private static string Phone(SeededRandom random, Locale locale) =>
            locale.PhonePrefix + random.Between(1, 9).ToString(CultureInfo.InvariantCulture)
            + string.Concat(Enumerable.Range(1, locale.PhoneDigits - 1).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));

        private static string? PhoneValue(RecordDraft draft, string column, string phone, double emptyRate, double malformedRate)
        {
            if (draft.Flawed(column, ImperfectionKinds.Empty, emptyRate))
            {
                return null;
            }

            if (!draft.Flawed(column, ImperfectionKinds.MalformedPhone, malformedRate))
            {
                return phone;
            }

            switch (draft.Random.Next(3))
            {
                case 0: return "n/a";
                case 1: return phone.Substring(1, 5) + "-";
                default: return phone.Substring(0, phone.Length - 1) + "O";
            }
        }

        private static JsonValue Price(RecordDraft draft, string column, Locale locale, double textRate)
        {
            var random = draft.Random;
            var price = locale.WholePrices ? random.Between(5, 400) * (locale.Currency == "KRW" ? 1000.0 : 100.0) : random.Between(500, 50000) / 100.0;
            if (!draft.Flawed(column, ImperfectionKinds.NumberAsText, textRate))
            {
                return JsonValue.Create(price);
            }

            var text = price.ToString(locale.WholePrices ? "F0" : "F2", CultureInfo.InvariantCulture);
            return JsonValue.Create(locale.DecimalComma ? text.Replace('.', ',') : text);
        }

        private static string Date(RecordDraft draft, string column, DateTime value, double malformedRate)
        {
            if (!draft.Flawed(column, ImperfectionKinds.MalformedDate, malformedRate))
            {
                return value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            }

            switch (draft.Random.Next(4))
            {
                case 0: return value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
                case 1: return value.ToString("yyyy", CultureInfo.InvariantCulture) + "-02-30T" + value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                case 2: return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T25:" + value.ToString("mm:ss", CultureInfo.InvariantCulture);
                default: return "yesterday";
            }
        }
    }
}
