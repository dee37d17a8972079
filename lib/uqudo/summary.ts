// The Uqudo summary's public entry: summarizeUqudoResult and its types (the parts live in summary/).
export * from './summary/index';
