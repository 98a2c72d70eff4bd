package org.onecall.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * One process per folder, by an OS lock on a file in it: the lock goes with the process however it
 * ends (kill -9 included), unlike a pid written to a file, which a later process may reuse.
 */
final class FolderLock {
    private FolderLock() {
    }

    /**
     * Takes the lock on {@code file}, or fails with the message {@code inUse} gives when another process (or
     * another holder in this one) has it. Closing the lock's channel lets it go.
     */
    static FileLock take(Path file, Supplier<String> inUse) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(inUse.get());
        }
        return lock;
    }

    static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
