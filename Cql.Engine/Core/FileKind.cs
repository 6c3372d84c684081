using System.Runtime.InteropServices;

namespace Cql.Engine.Core;

/// <summary>What a path names, as stat(2) tells it (links followed): output decides by it whether to write through
/// the file (a pipe, a device) or beside it and rename (a regular file).</summary>
public enum FileKind { Missing, RegularFile, Directory, Fifo, CharacterDevice, Other }

/// <summary>Tells the kind of a path. .NET reports a FIFO, /dev/null and a regular file alike (FileAttributes.Normal),
/// so the type bits of st_mode are read with libc's stat.</summary>
public static partial class FileKinds
{
    /// <summary>The kind of <paramref name="path"/>, following links (/dev/stdout, /dev/fd/N name what they point to).</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        if (ModeOffset() is not { } offset) return FileKind.RegularFile; // Windows: no pipes or devices by path
        var buffer = new byte[256];
        if (Stat(path, buffer) != 0) return FileKind.Missing;
        int mode = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? BitConverter.ToUInt16(buffer, offset) : BitConverter.ToInt32(buffer, offset);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            _ => FileKind.Other,
        };
    }

    /// <summary>True for what output writes straight through: a pipe or a character device.</summary>
    public static bool IsStream(FileKind kind) => kind is FileKind.Fifo or FileKind.CharacterDevice;

    // Where st_mode sits in struct stat: Linux x86-64 (dev, ino, nlink, mode), Linux's generic layout on ARM64
    // (dev, ino, mode), macOS (a 32-bit dev, then a 16-bit mode).
    static int? ModeOffset()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return 4;
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return null;
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
