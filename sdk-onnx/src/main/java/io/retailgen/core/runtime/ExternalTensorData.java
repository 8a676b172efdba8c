package io.retailgen.core.runtime;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps ONNX Runtime from reading host files named by a model. An ONNX tensor may say that its bytes live in an
 * external file ({@code data_location = EXTERNAL} with a {@code location} entry); ONNX Runtime then opens that path,
 * relative to the working directory for a model given as bytes, and {@code ../../etc/passwd} works. Every tensor of
 * the model is checked before a session is created: initializers, sparse initializers, tensor attributes of nodes
 * ({@code Constant} and others), and all subgraphs ({@code If}, {@code Loop}, {@code Scan} bodies, functions, training
 * graphs), recursively.
 *
 * <p>Without an allowed directory such a tensor is refused. With one, each location must be a relative path without
 * {@code ..} whose real path (symbolic links resolved) stays inside the directory; its bytes are then read here and
 * embedded in the model, so that ONNX Runtime itself never opens a file.
 */
final class ExternalTensorData {

    /** The largest tensor that can be embedded: protobuf messages are limited to 2 GiB. */
    private static final long MAX_EMBEDDED_BYTES = Integer.MAX_VALUE - 8;

    private final String model;
    private final Path allowedDir;
    private long embeddedBytes;
    private int embeddedTensors;

    private ExternalTensorData(String model, Path allowedDir) {
        this.model = model;
        this.allowedDir = allowedDir;
    }

    /**
     * Checks {@code onnx} and returns the bytes to hand to a backend: {@code onnx} itself when no tensor is external,
     * else (only when {@code allowedDir} is given) the model with the external tensors embedded.
     *
     * @param onnx a serialized ModelProto
     * @param label the model's name for messages
     * @param allowedDir the directory external data may come from, or null to refuse all external data
     * @throws RetailGenException with {@code MODEL_LOAD_FAILED} when the bytes are not a ModelProto or a tensor's
     *     external data is refused or cannot be read
     */
    static byte[] checked(byte[] onnx, String label, Path allowedDir) {
        OnnxMl.ModelProto parsed;
        try {
            parsed = OnnxMl.ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "could not load the model '" + label
                    + "': its " + onnx.length + " bytes are not a valid ONNX ModelProto (" + e.getMessage() + ")", e);
        }
        Path dir = null;
        if (allowedDir != null) {
            try {
                dir = allowedDir.toRealPath();
            } catch (IOException e) {
                throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "the external data directory "
                        + allowedDir + " allowed for model '" + label + "' cannot be opened: " + e, e);
            }
        }
        ExternalTensorData walk = new ExternalTensorData(label, dir);
        OnnxMl.ModelProto.Builder b = parsed.toBuilder();
        if (b.hasGraph()) {
            walk.graph(b.getGraphBuilder(), "graph '" + b.getGraph().getName() + "'");
        }
        for (OnnxMl.FunctionProto.Builder f : b.getFunctionsBuilderList()) {
            String where = "function '" + f.getName() + "'";
            for (OnnxMl.NodeProto.Builder n : f.getNodeBuilderList()) {
                walk.node(n, where);
            }
        }
        for (int i = 0; i < b.getTrainingInfoCount(); i++) {
            OnnxMl.TrainingInfoProto.Builder t = b.getTrainingInfoBuilder(i);
            if (t.hasInitialization()) {
                walk.graph(t.getInitializationBuilder(), "training_info[" + i + "] initialization");
            }
            if (t.hasAlgorithm()) {
                walk.graph(t.getAlgorithmBuilder(), "training_info[" + i + "] algorithm");
            }
        }
        return walk.embeddedTensors == 0 ? onnx : b.build().toByteArray();
    }

    private void graph(OnnxMl.GraphProto.Builder g, String where) {
        for (OnnxMl.TensorProto.Builder t : g.getInitializerBuilderList()) {
            tensor(t, where + " initializer");
        }
        for (OnnxMl.SparseTensorProto.Builder s : g.getSparseInitializerBuilderList()) {
            sparse(s, where + " sparse initializer");
        }
        for (OnnxMl.NodeProto.Builder n : g.getNodeBuilderList()) {
            node(n, where);
        }
    }

    private void node(OnnxMl.NodeProto.Builder n, String where) {
        String at = where + " > node '" + n.getName() + "' (" + n.getOpType() + ")";
        for (OnnxMl.AttributeProto.Builder a : n.getAttributeBuilderList()) {
            String attr = at + " attribute '" + a.getName() + "'";
            if (a.hasT()) {
                tensor(a.getTBuilder(), attr);
            }
            for (OnnxMl.TensorProto.Builder t : a.getTensorsBuilderList()) {
                tensor(t, attr);
            }
            if (a.hasSparseTensor()) {
                sparse(a.getSparseTensorBuilder(), attr);
            }
            for (OnnxMl.SparseTensorProto.Builder s : a.getSparseTensorsBuilderList()) {
                sparse(s, attr);
            }
            if (a.hasG()) {
                graph(a.getGBuilder(), attr + " > graph '" + a.getG().getName() + "'");
            }
            for (OnnxMl.GraphProto.Builder sub : a.getGraphsBuilderList()) {
                graph(sub, attr + " > graph '" + sub.getName() + "'");
            }
        }
    }

    private void sparse(OnnxMl.SparseTensorProto.Builder s, String where) {
        if (s.hasValues()) {
            tensor(s.getValuesBuilder(), where + " values");
        }
        if (s.hasIndices()) {
            tensor(s.getIndicesBuilder(), where + " indices");
        }
    }

    private void tensor(OnnxMl.TensorProto.Builder t, String where) {
        boolean external = t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL
                || t.getExternalDataCount() > 0;
        if (!external) {
            return;
        }
        String location = null;
        long offset = 0;
        long length = -1;
        for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = number(t, where, e);
                case "length" -> length = number(t, where, e);
                default -> {
                    // "checksum" and unknown keys do not change what is read
                }
            }
        }
        String what = "model '" + model + "' stores tensor '" + t.getName() + "' (" + where + ") as external data"
                + (location == null ? " without a location" : " at '" + location + "'");
        if (allowedDir == null) {
            throw refused(what + "; external data is refused because it makes the runtime read files of this host."
                    + " Embed the weights in the model, or allow a directory for them with"
                    + " OnnxModel.Builder.externalDataDirectory(dir)");
        }
        if (location == null) {
            throw refused(what);
        }
        Path file = insideAllowedDir(location, what);
        t.setRawData(read(file, offset, length, what));
        t.clearExternalData();
        t.setDataLocation(OnnxMl.TensorProto.DataLocation.DEFAULT);
        embeddedTensors++;
    }

    private Path insideAllowedDir(String location, String what) {
        if (location.isEmpty() || location.indexOf('\0') >= 0 || location.indexOf(':') >= 0
                || location.startsWith("/") || location.startsWith("\\") || Path.of(location).isAbsolute()) {
            throw refused(what + ": the location must be a relative path inside " + allowedDir);
        }
        for (String segment : location.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused(what + ": the location must not contain '..'; it must stay inside " + allowedDir);
            }
        }
        Path real;
        try {
            real = allowedDir.resolve(location).toRealPath();
        } catch (IOException e) {
            throw refused(what + ": no such file inside " + allowedDir + " (" + e.getMessage() + ")");
        }
        if (!real.startsWith(allowedDir)) {
            throw refused(what + ": it resolves to " + real + ", outside the allowed directory " + allowedDir
                    + " (through a symbolic link)");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(what + ": " + real + " is not a regular file");
        }
        return real;
    }

    private ByteString read(Path file, long offset, long length, String what) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long n = length < 0 ? size - offset : length;
            if (offset > size || n < 0 || offset + n > size) {
                throw refused(what + ": offset " + offset + " and length " + n + " reach past the end of "
                        + file.getFileName() + " (" + size + " bytes)");
            }
            if (n > MAX_EMBEDDED_BYTES - embeddedBytes) {
                throw refused(what + ": " + n + " bytes would make the model larger than the 2 GiB a model may hold");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) n);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw refused(what + ": " + file.getFileName() + " ended early");
                }
            }
            embeddedBytes += n;
            buf.flip();
            return ByteString.copyFrom(buf);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, what + ": cannot read " + file + ": " + e, e);
        }
    }

    private RetailGenException refused(String message) {
        return new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, message);
    }

    private long number(OnnxMl.TensorProto.Builder t, String where, OnnxMl.StringStringEntryProto e) {
        try {
            long v = Long.parseLong(e.getValue().trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw refused("model '" + model + "' tensor '" + t.getName() + "' (" + where + ") has external data "
                + e.getKey() + " '" + e.getValue() + "'; expected a non-negative integer");
    }
}
