export { createHttpTransport, type HttpTransportOptions } from "./transport";
export { availabilityUrlFor, createAvailabilityClient, type AvailabilityClientOptions } from "./availability";
export { fetchClinicConfig, type FetchConfigOptions } from "./config";
export { RequestFailedError, type RequestFailure } from "./http";
export { createClientCodeService, type ClientCodeServiceOptions } from "./clients";
