using System.Collections.Generic;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    public static class AsyncEnumerables
    {
        public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
        {
            var list = new List<T>();
            await foreach (var item in source)
            {
                list.Add(item);
            }

            return list;
        }
    }
}
