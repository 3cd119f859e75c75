// The configuration's public face: other folders import only what is exported here.
export { ConfigModule, APP_CONFIG } from './config.module';
export { ConfigurationError, loadConfiguration, type AppConfig, type DatabaseConfig, type QueueConfig } from './configuration';
