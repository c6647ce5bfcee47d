// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CertificateManagerServiceRolePolicy.html
// (v1; created and edited June 25, 2020, 17:56 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'CertificateManagerServiceRolePolicy',
  description: 'Amazon Certificate Manager Service Role Policy',
  versionId: 'v1',
  created: '2020-06-25T17:56:49Z',
  updated: '2020-06-25T17:56:49Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "acm-pca:IssueCertificate",
        "acm-pca:GetCertificate"
      ],
      "Resource" : "*"
    }
  ]
}`,
  
});
