using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PlatformFlow.Client.Auth
{
    /// <summary>The one way a SecureString becomes text: at the moment it is sent.</summary>
    public static class SecretText
    {
        public static string Reveal(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
