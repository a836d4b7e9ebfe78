using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Tests.Appeals;

/// <summary>A small file built in the test, with the first bytes of its type, for uploading as reply evidence.</summary>
public sealed record EvidenceSample(string Name, byte[] Content)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    public static EvidenceSample Png(string name = "现场照片.png", int size = 256) =>
        new(name, Filled([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size));

    public static EvidenceSample Pdf(string name = "审批单.pdf") =>
        new(name, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));

    /// <summary>A file whose name claims one type while its bytes are another.</summary>
    public static EvidenceSample Disguised(string name = "照片.jpg") => new(name, Encoding.ASCII.GetBytes("MZ\u0090\0this is not a picture"));

    private static byte[] Filled(byte[] header, int size)
    {
        var bytes = new byte[Math.Max(size, header.Length)];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }
}
