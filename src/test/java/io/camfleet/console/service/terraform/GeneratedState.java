package io.camfleet.console.service.terraform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large version 4 state written the way Terraform writes one: {@code resources} blocks of 10 instances each
 * ({@code count}), every instance with some 2 kB of attributes the console does not read.
 */
public final class GeneratedState {

    private GeneratedState() {
    }

    /** Writes {@code instances} resource instances (a multiple of 10): a third each aws_instance, aws_ami, aws_s3_bucket. */
    public static Path write(Path file, int instances) throws IOException {
        String[] types = {"aws_instance", "aws_ami", "aws_s3_bucket"};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\n  \"version\": 4,\n  \"terraform_version\": \"1.9.8\",\n  \"serial\": 90210,\n"
                    + "  \"lineage\": \"generated\",\n  \"outputs\": {},\n  \"resources\": [\n");
            for (int block = 0; block < instances / 10; block++) {
                String type = types[block % types.length];
                w.write(block == 0 ? "" : ",\n");
                w.write("    {\"module\": \"module.site[\\\"s-" + (block / 30) + "\\\"]\", \"mode\": \"managed\", "
                        + "\"type\": \"" + type + "\", \"name\": \"r" + block + "\", \"provider\": "
                        + "\"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [\n");
                for (int i = 0; i < 10; i++) {
                    w.write(i == 0 ? "" : ",\n");
                    w.write("      {\"index_key\": " + i + ", \"schema_version\": 1, \"attributes\": {\"id\": \""
                            + type + "-" + block + "-" + i + "\", \"arn\": \"arn:aws:ec2:eu-west-1:123456789012:"
                            + block + "/" + i + "\", \"user_data\": \"" + "x".repeat(1500) + "\", "
                            + "\"root_block_device\": [{\"volume_size\": 8, \"volume_type\": \"gp3\", "
                            + "\"tags\": {\"a\": \"b\"}}], \"tags\": {\"ManagedBy\": \"terraform\", \"Site\": \"s-"
                            + (block / 30) + "\"}}, \"sensitive_attributes\": [], \"dependencies\": ["
                            + "\"aws_ami.base\", \"aws_security_group.cameras\"]}");
                }
                w.write("\n    ]}");
            }
            w.write("\n  ],\n  \"check_results\": null\n}\n");
        }
        return file;
    }
}
