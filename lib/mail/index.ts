export { emailAdapter, SMTP_MISSING_WARNING } from './adapter'
export { loadMailClinic, toMailClinic, type MailClinic } from './clinic'
export { MailNotSentError, sendMail } from './send'
export * from './templates'
