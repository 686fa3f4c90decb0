import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// The certificates a PostgreSQL server shows in a TLS handshake, fetched by a handshake of its own after the
/// connection's was refused (PostgresNIO keeps the certificates to itself): enough to say why they were refused.
enum ServerCertificateProbe {
    /// The server's certificates, its own first; nil when they cannot be had within `timeout`.
    static func certificates(host: String, port: Int, timeout: TimeAmount = .seconds(5)) async -> [NIOSSLCertificate]? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        // Any check but none, so that the verification callback sees the certificates; it refuses them all.
        configuration.certificateVerification = .noHostnameVerification
        guard let context = try? NIOSSLContext(configuration: configuration) else { return nil }
        let group = MultiThreadedEventLoopGroup.singleton
        let promise = group.next().makePromise(of: [NIOSSLCertificate].self)
        let pending = NIOLockedValueBox<EventLoopPromise<[NIOSSLCertificate]>?>(promise)
        let finish: @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void = { result in
            pending.withLockedValue { promise in
                promise?.completeWith(result)
                promise = nil
            }
        }
        // SNI carries host names only.
        let serverName = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
        let bootstrap = ClientBootstrap(group: group).connectTimeout(timeout).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers(
                    SSLRequestHandler(context: context, serverName: serverName, finish: finish), EndHandler(finish: finish))
            }
        }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            defer { channel.close(promise: nil) }
            channel.eventLoop.scheduleTask(in: timeout) { finish(.failure(ChannelError.connectTimeout(timeout))) }
            return try await promise.futureResult.get()
        } catch {
            finish(.failure(error))
            return nil
        }
    }

    /// Asks the server for TLS as PostgreSQL's protocol does (an SSLRequest, answered `S`), then shakes hands,
    /// handing over the certificates the server shows.
    private final class SSLRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let context: NIOSSLContext
        private let serverName: String?
        private let finish: @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void

        init(context: NIOSSLContext, serverName: String?, finish: @escaping @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void) {
            self.context = context
            self.serverName = serverName
            self.finish = finish
        }

        func channelActive(context: ChannelHandlerContext) {
            var request = context.channel.allocator.buffer(capacity: 8)
            request.writeInteger(Int32(8))
            request.writeInteger(Int32(80_877_103))
            context.writeAndFlush(wrapOutboundOut(request), promise: nil)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var answer = unwrapInboundIn(data)
            guard answer.readInteger(as: UInt8.self) == UInt8(ascii: "S") else {
                finish(.failure(ChannelError.inappropriateOperationForState))
                context.close(promise: nil)
                return
            }
            let finish = self.finish
            do {
                let refuse: NIOSSLCustomVerificationCallback = { certificates, verdict in
                    finish(.success(certificates))
                    verdict.succeed(NIOSSLVerificationResult.failed)
                }
                let handshake = try NIOSSLClientHandler(
                    context: self.context, serverHostname: serverName, customVerificationCallback: refuse)
                try context.pipeline.syncOperations.addHandler(handshake, position: .first)
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            } catch {
                finish(.failure(error))
                context.close(promise: nil)
            }
        }

    }

    /// The end of the pipeline: a failed handshake, or a server that hangs up, ends the probe at once (the first
    /// outcome is the one kept).
    private final class EndHandler: ChannelInboundHandler {
        typealias InboundIn = NIOAny

        private let finish: @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void

        init(finish: @escaping @Sendable (Result<[NIOSSLCertificate], any Error>) -> Void) {
            self.finish = finish
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            finish(.failure(error))
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish(.failure(ChannelError.eof))
        }
    }
}
