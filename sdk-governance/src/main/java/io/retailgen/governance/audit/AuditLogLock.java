package io.retailgen.governance.audit;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive write lock of one log directory: an OS file lock on {@value #FILE_NAME}, held while the log is open,
 * so that a second writer in another process fails at once instead of interleaving its chain with ours. The file
 * lock is per process, so writers within this JVM are also tracked by directory. The operating system releases the
 * lock when the process dies, however it dies; the file itself stays and is harmless.
 */
final class AuditLogLock implements AutoCloseable {

    static final String FILE_NAME = "audit.lock";
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private AuditLogLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static AuditLogLock acquire(Path dir) throws IOException {
        Path key = dir.toRealPath();
        if (!HELD_HERE.add(key)) {
            throw new RetailGenException(ErrorCode.IO, "audit log " + dir + " is already open for writing in this "
                    + "process; a log directory takes one writer at a time (share the open AuditLog instead)");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(ch);
                throw new RetailGenException(ErrorCode.IO, "audit log " + dir + " is locked by another writer"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; a log directory takes one writer at a "
                        + "time: stop the other writer or use another directory");
            }
            byte[] me = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me), 0);
            return new AuditLogLock(key, ch, l);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            if (ch != null) {
                ch.close();
            }
            throw e;
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process keeps running; closing the channel below is all that releases the lock
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more can be done: the OS drops the lock at exit
            }
        } finally {
            HELD_HERE.remove(key);
        }
    }
}
