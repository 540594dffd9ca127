// Command stanced serves the stance and sentiment models over gRPC, with
// grpc.health.v1 health checks and server reflection.
//
//	stanced [-listen ADDR] [-model_dir STANCE_DIR [-model_dir SENTIMENT_DIR]] [flags]
//
// With no flags it serves the project's default models (models/stance and
// models/sentiment, found relative to the working directory, the
// executable or the module root) on localhost:50051. Health reports
// SERVING once the models are loaded and a warm-up inference has passed.
// SIGINT or SIGTERM stops it gracefully: health turns NOT_SERVING, calls in
// flight finish (for at most -grace), then the models are closed, and the
// average batch size is logged.
//
// Try it with grpcurl (reflection is on):
//
//	grpcurl -plaintext localhost:50051 list
//	grpcurl -plaintext -d '{"statement":{"text":"We demand a ceasefire now."}}' \
//	    localhost:50051 stance.v1.StanceService/Classify
package main
